/**
 * `npm run demo`: against a running `npm start`, walks a patient's whole journey and says what each step
 * did: patient, consultation, outcome, IV series, clock forward, a cancelled session, the booster.
 */
import { DEFAULT_LOCAL_JWT_SECRET, signLocalToken } from "../shared/http/local-token.js";
import type { Role } from "../shared/http/roles.js";

const api = `http://localhost:${process.env.PORT || 3000}`;
const inbox = `http://localhost:${process.env.SES_PORT || 8005}`;
const secret = process.env.LOCAL_JWT_SECRET || DEFAULT_LOCAL_JWT_SECRET;

type Json = Record<string, any>;

async function call(method: string, path: string, body?: unknown, role: Role = "staff"): Promise<Json> {
  const token = await signLocalToken({ roles: [role], secret });
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Json;
  if (!res.ok)
    throw new Error(`${method} ${path} answered ${res.status}: ${json.detail ?? JSON.stringify(json)}`);
  return json;
}

const step = (n: number, text: string) => console.log(`\n${n}. ${text}`);
const local = (iso: string, zone: string) =>
  new Date(iso).toLocaleString("en-US", { timeZone: zone, dateStyle: "medium", timeStyle: "short" });
/** Moves the clock through each of the patient's reminder due times up to `target`, as real time would. */
async function walkTo(patientId: string, target: string): Promise<Json[]> {
  const all: Json[] = [];
  for (;;) {
    const { appointments } = await call("GET", `/patients/${patientId}/appointments`);
    const current = (await call("GET", "/local/clock")).now as string;
    const next = appointments
      .flatMap((a: Json) => a.reminders.map((r: Json) => ({ ...r, service: a.service })))
      .filter((r: Json) => r.status === "scheduled" && r.dueAt > current && r.dueAt <= target)
      .sort((a: Json, b: Json) => a.dueAt.localeCompare(b.dueAt))[0];
    const move = await call("POST", "/local/clock", { now: next ? next.dueAt : target }, "admin");
    for (const f of move.fired) {
      const kind = appointments
        .flatMap((a: Json) => a.reminders)
        .find((r: Json) => r.id === f.reminderId)?.kind;
      all.push({ ...f, kind });
    }
    if (!next) return all;
  }
}
const walked = (list: Json[]) =>
  list.length
    ? list
        .map(
          (f) =>
            `     ${f.result.padEnd(9)} ${String(f.kind ?? "").padEnd(13)} due ${f.dueAt}${f.reason ? ` (${f.reason})` : ""}`,
        )
        .join("\n")
    : "     (nothing was due)";
const day = (iso: string, days: number) =>
  new Date(new Date(iso).getTime() + days * 86_400_000).toISOString().slice(0, 10);

try {
  await fetch(`${api}/health`);
} catch {
  console.error(`Nothing answers at ${api}. Start the system first with: npm start`);
  process.exit(1);
}

const clinic = await call("GET", "/clinic");
const zone = clinic.timezone as string;
let now = (await call("GET", "/local/clock")).now as string;
console.log(`Demo against ${api} — ${clinic.name}, local clock at ${local(now, zone)} (${zone}).`);

step(1, "Staff register a patient who consents to email.");
const email = `demo.patient+${Date.now()}@example.com`;
// A number of its own per run, so step 6's caller-ID lookup finds this run's patient.
const phone = `+1 555 ${String(Date.now()).slice(-7)}`;
const patient = await call("POST", "/patients", {
  firstName: "Robin",
  lastName: "Demo",
  email,
  phone,
  emailConsent: true,
});
console.log(`   patient ${patient.id} <${email}>`);

step(2, "Staff book the first free consultation (an office, 60 min).");
const consultSlots = await call(
  "GET",
  `/availability?service=consultation&from=${now.slice(0, 10)}&to=${day(now, 14)}`,
);
const consultation = await call("POST", "/appointments", {
  patientId: patient.id,
  service: "consultation",
  start: consultSlots.slots[0].start,
});
console.log(
  `   consultation at ${local(consultation.start, zone)}; reminders: ${consultation.reminders.map((r: Json) => r.kind).join(", ")}`,
);

step(3, "The clock moves past the consultation; the clinician records the outcome: eligible for IV.");
console.log(walked(await walkTo(patient.id, consultation.end)));
await call(
  "POST",
  `/appointments/${consultation.id}/outcome`,
  { eligible: true, protocols: ["iv-ketamine"] },
  "clinician",
);
console.log("   outcome recorded: eligible for iv-ketamine");

step(
  4,
  "Staff plan an IV series (6 sessions, 48 h to 7 days apart, within 21 days) from the first free chair in 3 days.",
);
now = consultation.end;
const chairSlots = await call(
  "GET",
  `/availability?service=iv-ketamine&from=${day(now, 3)}&to=${day(now, 20)}`,
);
const series = await call("POST", "/series", {
  patientId: patient.id,
  protocolId: "iv-ketamine",
  start: chairSlots.slots[0].start,
});
for (const s of series.sessions) console.log(`   session ${s.sequence}: ${local(s.start, zone)}`);
console.log("   one confirmation, with every session in its calendar file, goes out now.");

step(
  5,
  "The clock moves to 48 h before session 1: the preparation email (fasting cut-offs, driver) goes out.",
);
const first = series.sessions[0];
console.log(
  walked(await walkTo(patient.id, new Date(new Date(first.start).getTime() - 48 * 3_600_000).toISOString())),
);

step(
  6,
  "The patient calls to cancel session 3: staff find them by caller ID; the session's reminders are cancelled and a cancellation notice goes out.",
);
const caller = await call("GET", `/patients?phone=${encodeURIComponent(phone)}`);
console.log(
  `   ${phone} is ${caller.patients.map((p: Json) => `${p.lastName}, ${p.firstName} (${p.id})`).join("; ")}`,
);
const cancelled = await call("POST", `/appointments/${series.sessions[2].id}/cancel`, {
  reason: "patient request",
});
console.log(
  `   session 3 ${cancelled.status}; its reminders: ${cancelled.reminders.map((r: Json) => `${r.kind}=${r.status}`).join(", ")}`,
);

step(
  7,
  "Time passes through the series and the booster interval: preparation and day-before reminders, then the booster invitation.",
);
const last = series.sessions.at(-1);
const booster = last.reminders.find((r: Json) => r.kind === "booster");
console.log(
  walked(await walkTo(patient.id, new Date(new Date(booster.dueAt).getTime() + 60_000).toISOString())),
);

step(8, "What the patient received.");
const store = (await (await fetch(`${inbox}/store`)).json()) as { emails: Json[] };
const mine = store.emails.filter((e) => e.destination.to.some((to: string) => to.includes(email)));
for (const e of mine)
  console.log(
    `   ✉ ${e.subject}${e.attachments?.length ? `  [${e.attachments.map((a: Json) => a.filename).join(", ")}]` : ""}`,
  );
const appointments = await call("GET", `/patients/${patient.id}/appointments`);
const sent = appointments.appointments
  .flatMap((a: Json) => a.reminders)
  .filter((r: Json) => r.status === "sent").length;
console.log(`   ${mine.length} emails in the inbox, ${sent} reminders shown as sent on the appointments.`);
console.log(`\nRead them at ${inbox} (the emulator's inbox), or as JSON at ${inbox}/store.`);
