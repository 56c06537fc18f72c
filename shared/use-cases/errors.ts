/** Unknown id: 404. */
export class NotFound extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** The object is in a state that forbids the action, or capacity is taken: 409. */
export class Conflict extends Error {
  constructor(
    message: string,
    readonly code = "conflict",
  ) {
    super(message);
  }
}

/** Something a guarded write depended on changed between read and write; the use case may retry. */
export class StaleWrite extends Error {
  constructor(readonly what: string) {
    super(`${what} changed concurrently`);
  }
}

/** A repeat of an Idempotency-Key landed while this request was writing: replay the stored response. */
export class IdempotencyReplay extends Error {
  constructor(readonly key: string) {
    super("idempotent replay");
  }
}

/** The same Idempotency-Key was used with a different request: 422 per the idempotency-key draft. */
export class IdempotencyMismatch extends Error {
  constructor() {
    super("this Idempotency-Key was already used with a different request");
  }
}

/**
 * An admin is changing the clinic's settings this moment (they are checked against every future booking
 * first): the booking waits and tries again, as for a lost race.
 */
export class SettingsBeingChanged extends StaleWrite {
  constructor() {
    super("clinic settings");
  }
}
