import type { Clinic } from "./clinic.js";
import { RuleViolation } from "./errors.js";
import { clinicProtocol } from "./protocol-catalogue.js";
import type { Appointment } from "./types.js";

/** Where a session of a series sits: all the spacing rules look at. */
export type SessionPlace = Pick<Appointment, "id" | "start" | "status" | "sequence">;

const HOUR_MS = 3_600_000;

/** A session being moved: which one, of which protocol, where in its series. */
export type MovingSession = Pick<Appointment, "id" | "protocolId" | "sequence">;

/** `spacingProblem` for a use case: throws the 422 a front desk can act on. */
export function assertSpacingKept(
  clinic: Clinic,
  moving: MovingSession,
  start: string,
  sessions: readonly SessionPlace[],
): void {
  const problem = spacingProblem(clinic, moving, start, sessions);
  if (problem) throw problem;
}

/**
 * Why a series session moved to `start` would break its protocol's spacing, or undefined if it would not:
 * it keeps the spacing to the live sessions before and after it (elapsed hours, so 48 h is 48 real hours
 * across a DST change), and stays within the protocol's window from the first session. A session outside
 * any series (no protocol) has no spacing to keep.
 */
export function spacingProblem(
  clinic: Clinic,
  moving: MovingSession,
  start: string,
  sessions: readonly SessionPlace[],
): RuleViolation | undefined {
  if (!moving.protocolId) return undefined;
  const protocol = clinicProtocol(clinic, moving.protocolId);
  const sequence = moving.sequence ?? 0;
  const live = sessions.filter((s) => s.status !== "cancelled" && s.id !== moving.id);
  const before = live.filter((s) => (s.sequence ?? 0) < sequence).at(-1);
  const after = live.find((s) => (s.sequence ?? 0) > sequence);
  const hours = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / HOUR_MS;
  const phaseOf = (n: number) => {
    let end = 0;
    for (const phase of protocol.spacing.phases) {
      end += phase.sessions;
      if (n <= end) return phase;
    }
    return protocol.spacing.phases.at(-1)!;
  };
  const violation = (message: string) => new RuleViolation("spacing", message, "start");
  const check = (from: string, to: string, later: number, earlier: number) => {
    const phase = phaseOf(later);
    const gap = hours(from, to);
    if (gap < phase.minGapHours)
      return violation(
        `Session ${later} must start at least ${phase.minGapHours} hours after session ${earlier}.`,
      );
    if (phase.maxGapHours !== undefined && gap > phase.maxGapHours)
      return violation(
        `Session ${later} must start at most ${phase.maxGapHours / 24} days after session ${earlier}.`,
      );
    return undefined;
  };
  const tooClose =
    (before ? check(before.start, start, sequence, before.sequence ?? 0) : undefined) ??
    (after ? check(start, after.start, after.sequence ?? 0, sequence) : undefined);
  if (tooClose) return tooClose;
  const first = sessions.find((s) => s.sequence === 1);
  if (protocol.spacing.windowDays && first && first.id !== moving.id) {
    if (hours(first.start, start) > protocol.spacing.windowDays * 24)
      return violation(`Every session must start within ${protocol.spacing.windowDays} days of the first.`);
  }
  return undefined;
}
