import type { Clinic } from "./clinic.js";
import { type Protocol, protocolSchema } from "./protocol.js";
import { NURSE_FOR_THREE, ONE_THERAPIST, PRESCRIBER_ON_SITE } from "./staff-needs.js";
import type { ProtocolId } from "./types.js";

const DAY = 24;

const bring = [
  "A photo ID and your insurance card, if you have one",
  "A list of the medicines you take",
  "Comfortable, warm clothing; an eye mask or headphones if you like them",
];
const ivNotes = [
  "Take your usual medicines unless your clinician told you otherwise.",
  "Please tell us at once if you feel unwell, have a fever, or your medicines changed.",
];

const IV: Protocol = {
  id: "iv-ketamine",
  name: "IV ketamine infusion series",
  patientLabel: "treatment session",
  sessionMinutes: 120,
  sessions: 6,
  spacing: {
    phases: [{ sessions: 6, minGapHours: 48, maxGapHours: 7 * DAY }],
    windowDays: 21,
  },
  fasting: { solidFoodHours: 6, liquidsHours: 2, liquidsKind: "clear" },
  transport: { driverRequired: true, noDrivingUntil: "next-day" },
  booster: { afterDays: 28 },
  remsRequired: false,
  staff: [NURSE_FOR_THREE],
  instructions: { bring, notes: ivNotes },
};

/** One integration session 1 to 3 days after each dosing session: where KAP's therapy work is done. */
const INTEGRATION_DAYS = { minDaysAfter: 1, maxDaysAfter: 3 };

/** The catalogue as shipped: the numbers of API.md. */
export const DEFAULT_PROTOCOLS: Readonly<Record<ProtocolId, Protocol>> = {
  "iv-ketamine": IV,
  "im-ketamine": {
    ...IV,
    id: "im-ketamine",
    name: "IM ketamine series",
    sessionMinutes: 90,
  },
  esketamine: {
    id: "esketamine",
    name: "Esketamine nasal spray (REMS) series",
    patientLabel: "treatment session",
    sessionMinutes: 150,
    sessions: 12,
    spacing: {
      phases: [
        { sessions: 8, minGapHours: 48, perWeek: 2 },
        { sessions: 4, minGapHours: 48, perWeek: 1 },
      ],
    },
    fasting: { solidFoodHours: 2, liquidsHours: 0.5, liquidsKind: "any" },
    transport: { driverRequired: false, noDrivingUntil: "next-day-after-sleep" },
    booster: { afterDays: 14 },
    remsRequired: true,
    // REMS: a prescriber on site for the whole session, and a healthcare provider monitoring (as IV).
    staff: [PRESCRIBER_ON_SITE, NURSE_FOR_THREE],
    instructions: {
      bring,
      notes: [
        "You will stay with us for about 2 hours after your dose while we monitor you.",
        "Do not drive or operate machinery until the next day, after a night's sleep.",
        "If you use a nasal corticosteroid or decongestant, take it at least 1 hour before your session.",
      ],
    },
  },
  kap: {
    id: "kap",
    name: "Ketamine-assisted psychotherapy (KAP)",
    patientLabel: "therapy session",
    sessionMinutes: 180,
    sessions: 6,
    spacing: {
      phases: [{ sessions: 6, minGapHours: 12 * DAY, maxGapHours: 16 * DAY, preferredGapDays: 14 }],
    },
    fasting: { solidFoodHours: 4, liquidsHours: 2, liquidsKind: "clear" },
    transport: { driverRequired: true, noDrivingUntil: "next-day" },
    booster: { afterDays: 30 },
    remsRequired: false,
    staff: [ONE_THERAPIST],
    integration: INTEGRATION_DAYS,
    instructions: {
      bring: [...bring, "Your journal, if you keep one for your therapy"],
      notes: ["Plan a quiet rest of the day; your integration session follows the dosing session."],
    },
  },
};

/**
 * The protocols as this clinic runs them: the defaults with the clinic's tuned numbers.
 * Changing `sessions` of a phased protocol resizes its last phase.
 */
export function clinicProtocols(clinic: Pick<Clinic, "protocolOverrides">): Record<ProtocolId, Protocol> {
  const out = {} as Record<ProtocolId, Protocol>;
  for (const base of Object.values(DEFAULT_PROTOCOLS)) {
    out[base.id] = applyOverride(base, clinic.protocolOverrides[base.id]);
  }
  return out;
}

export function clinicProtocol(clinic: Pick<Clinic, "protocolOverrides">, id: ProtocolId): Protocol {
  return clinicProtocols(clinic)[id];
}

function applyOverride(base: Protocol, o: Clinic["protocolOverrides"][ProtocolId]): Protocol {
  if (!o) return base;
  const phases = base.spacing.phases.map((p) => ({ ...p }));
  if (o.sessions !== undefined) {
    const others = phases.slice(0, -1).reduce((n, p) => n + p.sessions, 0);
    const last = phases[phases.length - 1]!;
    last.sessions = Math.max(1, o.sessions - others);
  }
  const sessions = phases.reduce((n, p) => n + p.sessions, 0);
  return protocolSchema.parse({
    ...base,
    sessionMinutes: o.sessionMinutes ?? base.sessionMinutes,
    sessions,
    spacing: { ...base.spacing, phases },
    fasting: {
      ...base.fasting,
      solidFoodHours: o.fastingSolidHours ?? base.fasting.solidFoodHours,
      liquidsHours: o.clearLiquidsUntilHours ?? base.fasting.liquidsHours,
    },
    booster: { afterDays: o.boosterAfterDays ?? base.booster.afterDays },
    staff: o.staff ?? base.staff,
    integration:
      o.integrationSessions === undefined
        ? base.integration
        : o.integrationSessions
          ? (base.integration ?? INTEGRATION_DAYS)
          : undefined,
  });
}
