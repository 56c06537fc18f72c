import type { Call } from "./api-client.js";
import type { Random } from "./seeded-random.js";

const DAY = 86_400_000;
const PROTOCOLS = ["iv-ketamine", "kap", "esketamine"] as const;

/** What the driver learned from answers; a write DynamoDB Local lost in a kill may be missing later (404). */
export interface BurstState {
  patients: { id: string; rems: boolean }[];
  /** Consultations waiting for the clock to pass them, then an outcome. */
  consultations: { id: string; patientId: string; end: string }[];
  eligible: { patientId: string; protocols: string[] }[];
  appointments: { id: string; service: string; start: string }[];
  counts: Record<string, number>;
}

export function emptyBurstState(): BurstState {
  return { patients: [], consultations: [], eligible: [], appointments: [], counts: {} };
}

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One random front-desk action over HTTP, as a clinic's day mixes them: register, book a consultation,
 * let the clock pass it and record an eligible outcome, book a series, cancel or reschedule a session,
 * move the local clock (which fires reminders). Any answer is fine, a dead server (status 0) included:
 * the checks afterwards judge the system's state, not these calls.
 */
export async function randomAction(
  call: Call,
  random: Random,
  state: BurstState,
  seq: number,
): Promise<void> {
  const now = Date.parse((await call("GET", "/local/clock")).body?.now ?? "");
  if (Number.isNaN(now)) return;
  const count = (what: string, status: number) => {
    const key = `${what} ${status === 0 ? "killed" : status}`;
    state.counts[key] = (state.counts[key] ?? 0) + 1;
  };
  const roll = random.next();

  if (roll < 0.14 || state.patients.length === 0) {
    const rems = random.next() < 0.4;
    const res = await call("POST", "/patients", {
      firstName: "Crash",
      lastName: `Patient${seq}`,
      email: `crash-${seq}-${random.int(0, 1e6)}@example.com`,
      emailConsent: random.next() < 0.9,
      ...(rems ? { remsEnrolled: true } : {}),
    });
    count("register", res.status);
    if (res.status === 201) state.patients.push({ id: res.body.id, rems });
  } else if (roll < 0.3) {
    const patient = random.pick(state.patients);
    if (!patient) return;
    const slots = await call(
      "GET",
      `/availability?service=consultation&from=${date(now)}&to=${date(now + 10 * DAY)}`,
    );
    const slot = random.pick<{ start: string }>(slots.body?.slots?.slice(0, 30) ?? []);
    if (!slot) return;
    const res = await call("POST", "/appointments", {
      patientId: patient.id,
      service: "consultation",
      start: slot.start,
    });
    count("consultation", res.status);
    if (res.status === 201)
      state.consultations.push({ id: res.body.id, patientId: patient.id, end: res.body.end });
  } else if (roll < 0.42) {
    const done = state.consultations.filter((c) => Date.parse(c.end) <= now);
    const consultation = random.pick(done);
    if (!consultation) return;
    const rems = state.patients.find((p) => p.id === consultation.patientId)?.rems ?? false;
    const protocols = PROTOCOLS.filter((p) => p !== "esketamine" || rems);
    const res = await call(
      "POST",
      `/appointments/${consultation.id}/outcome`,
      { eligible: true, protocols: [...protocols] },
      "clinician",
    );
    count("outcome", res.status);
    state.consultations.splice(state.consultations.indexOf(consultation), 1);
    if (res.status === 200)
      state.eligible.push({ patientId: consultation.patientId, protocols: [...protocols] });
  } else if (roll < 0.57) {
    const eligible = random.pick(state.eligible);
    const protocolId = eligible && random.pick(eligible.protocols);
    if (!eligible || !protocolId) return;
    const from = now + random.int(2, 8) * DAY;
    const slots = await call(
      "GET",
      `/availability?service=${protocolId}&from=${date(from)}&to=${date(from + 6 * DAY)}`,
    );
    const slot = random.pick<{ start: string }>(slots.body?.slots?.slice(0, 40) ?? []);
    if (!slot) return;
    const res = await call("POST", "/series", {
      patientId: eligible.patientId,
      protocolId,
      start: slot.start,
    });
    count("series", res.status);
    if (res.status === 201) {
      state.eligible.splice(state.eligible.indexOf(eligible), 1);
      for (const s of res.body.sessions)
        state.appointments.push({ id: s.id, service: s.service, start: s.start });
    }
  } else if (roll < 0.67) {
    const future = state.appointments.filter((a) => Date.parse(a.start) > now);
    const appointment = random.pick(future);
    if (!appointment) return;
    const res = await call("POST", `/appointments/${appointment.id}/cancel`, {});
    count("cancel", res.status);
    if (res.status === 200) state.appointments.splice(state.appointments.indexOf(appointment), 1);
  } else if (roll < 0.79) {
    const future = state.appointments.filter((a) => Date.parse(a.start) > now + DAY);
    const appointment = random.pick(future);
    if (!appointment) return;
    const around = Date.parse(appointment.start) + random.int(-1, 1) * DAY;
    const slots = await call(
      "GET",
      `/availability?service=${appointment.service}&from=${date(Math.max(now, around))}&to=${date(around + DAY)}`,
    );
    const slot = random.pick<{ start: string }>(slots.body?.slots ?? []);
    if (!slot) return;
    const res = await call("POST", `/appointments/${appointment.id}/reschedule`, { start: slot.start });
    count("reschedule", res.status);
    if (res.status === 200) appointment.start = res.body.start;
  } else {
    const res = await call(
      "POST",
      "/local/clock",
      { now: new Date(now + random.int(1, 30) * 3_600_000).toISOString() },
      "admin",
    );
    count("clock", res.status);
  }
}
