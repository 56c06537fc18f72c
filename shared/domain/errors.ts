/** Why a calendar or clinical rule refuses a slot or a series; stable codes a client can branch on. */
export type RuleCode =
  | "in-the-past"
  | "arrival-passed"
  | "not-on-grid"
  | "closed-date"
  | "closed-day"
  | "outside-hours"
  | "beyond-horizon"
  | "no-capacity-resource"
  | "spacing-impossible";

/** A clinical or calendar rule forbids it: the API answers 422 with `message` (front-desk readable) and `code`. */
export class RuleViolation extends Error {
  override readonly name = "RuleViolation";
  constructor(
    readonly code: RuleCode | (string & {}),
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Capacity is taken: the API answers 409. Retrying later or picking another slot may succeed. */
export class CapacityTaken extends Error {
  override readonly name = "CapacityTaken";
  constructor(
    message = "That time is no longer free: every chair or office is taken.",
    readonly field?: string,
    /** `capacity` for rooms; `staff` when the room is free but nobody who must be there is. */
    readonly code: "capacity" | "staff" = "capacity",
  ) {
    super(message);
  }
}
