import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import {
  attendanceBodySchema,
  cancelAppointmentBodySchema,
  createAppointmentBodySchema,
  outcomeBodySchema,
  rescheduleAppointmentBodySchema,
} from "../../shared/schemas/appointment.schema.js";
import { localClockBodySchema } from "../../shared/schemas/local-clock.schema.js";
import { createPatientBodySchema, patchPatientBodySchema } from "../../shared/schemas/patient.schema.js";
import { fieldErrors } from "../../shared/schemas/problem.schema.js";
import { cancelSeriesBodySchema, createSeriesBodySchema } from "../../shared/schemas/series.schema.js";

/** The paths a rejected value is blamed on, as a client would see them in `errors`. */
function rejectedPaths(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? [] : fieldErrors(result.error).map((e) => e.path);
}

const patient = {
  firstName: "Ann",
  lastName: "Lee",
  email: "ann.lee@example.com",
  emailConsent: true,
};

describe("createPatient", () => {
  it("accepts a good body, trims names and lower-cases the email", () => {
    const parsed = createPatientBodySchema.parse({
      ...patient,
      firstName: "  Ann ",
      email: " Ann.Lee@Example.COM ",
      phone: "+1 (555) 010-0100",
      timezone: "Europe/London",
      remsEnrolled: true,
    });
    expect(parsed).toEqual({
      ...patient,
      firstName: "Ann",
      email: "ann.lee@example.com",
      phone: "+1 (555) 010-0100",
      timezone: "Europe/London",
      remsEnrolled: true,
    });
  });

  it.each([
    ["a header smuggled after a line break", "ann@example.com\r\nBcc: all@example.com"],
    ["a trailing line break", "ann@example.com\n"],
    ["two addresses", "ann@example.com,bob@example.com"],
    ["a semicolon list", "ann@example.com;bob@example.com"],
    ["a display name", "Ann <ann@example.com>"],
    ["inner whitespace", "ann lee@example.com"],
    ["no domain", "ann@"],
    ["no at sign", "ann.example.com"],
    ["a double dot", "ann..lee@example.com"],
    [
      "more than 254 characters",
      `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`,
    ],
  ])("rejects an email with %s", (_, email) => {
    expect(rejectedPaths(createPatientBodySchema, { ...patient, email })).toEqual(["email"]);
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["a line break", "Ann\nLee"],
    ["a NUL", "Ann\u0000"],
    ["a right-to-left override", "Ann\u202Eeel"],
    ["101 characters", "a".repeat(101)],
  ])("rejects a first name that is %s", (_, firstName) => {
    expect(rejectedPaths(createPatientBodySchema, { ...patient, firstName })).toEqual(["firstName"]);
  });

  it.each(["12", "call me", "+1 555 0100 ext. 5", "1".repeat(31), "(((-)))"])(
    "rejects the phone %j",
    (phone) => {
      expect(rejectedPaths(createPatientBodySchema, { ...patient, phone })).toEqual(["phone"]);
    },
  );

  it.each(["Mars/Olympus", "EST5EDT-ish", "+05:00", "america/new york", ""])(
    "rejects the time zone %j",
    (timezone) => {
      expect(rejectedPaths(createPatientBodySchema, { ...patient, timezone })).toEqual(["timezone"]);
    },
  );

  it("rejects an unknown field at its own path, and fields the server owns", () => {
    expect(rejectedPaths(createPatientBodySchema, { ...patient, isAdmin: true })).toEqual(["isAdmin"]);
    expect(
      rejectedPaths(createPatientBodySchema, { ...patient, id: "p1", emailStatus: "ok" }).sort(),
    ).toEqual(["emailStatus", "id"]);
  });

  it("requires consent to be stated, as a boolean", () => {
    const { emailConsent: _, ...withoutConsent } = patient;
    expect(rejectedPaths(createPatientBodySchema, withoutConsent)).toEqual(["emailConsent"]);
    expect(rejectedPaths(createPatientBodySchema, { ...patient, emailConsent: "yes" })).toEqual([
      "emailConsent",
    ]);
  });
});

describe("patchPatient", () => {
  it("accepts any one editable field", () => {
    expect(patchPatientBodySchema.parse({ phone: "555 0100" })).toEqual({ phone: "555 0100" });
    expect(patchPatientBodySchema.parse({ boosterOptOut: true })).toEqual({ boosterOptOut: true });
  });

  it("rejects an empty patch and fields staff may not set", () => {
    expect(patchPatientBodySchema.safeParse({}).success).toBe(false);
    expect(rejectedPaths(patchPatientBodySchema, { id: "p2" })).toEqual(["id"]);
    expect(rejectedPaths(patchPatientBodySchema, { emailStatus: "ok" })).toEqual(["emailStatus"]);
    expect(rejectedPaths(patchPatientBodySchema, { eligibleProtocols: ["kap"] })).toEqual([
      "eligibleProtocols",
    ]);
  });
});

describe("createAppointment and reschedule", () => {
  const body = { patientId: "pat_1", service: "iv-ketamine", start: "2026-12-01T10:00:00-05:00" };

  it("normalises the start to UTC", () => {
    expect(createAppointmentBodySchema.parse(body).start).toBe("2026-12-01T15:00:00.000Z");
    expect(rescheduleAppointmentBodySchema.parse({ start: "2026-12-01T15:30:00Z" })).toEqual({
      start: "2026-12-01T15:30:00.000Z",
    });
  });

  it.each([
    ["a date that does not exist", "2026-02-30T10:00:00Z"],
    ["no offset", "2026-12-01T10:00:00"],
    ["a date only", "2026-12-01"],
    ["an hour 25", "2026-12-01T25:00:00Z"],
    ["an offset of 25 hours", "2026-12-01T10:00:00+25:00"],
    ["words", "tomorrow at ten"],
    ["a number", 1764601200000],
  ])("rejects a start with %s", (_, start) => {
    expect(rejectedPaths(createAppointmentBodySchema, { ...body, start })).toEqual(["start"]);
  });

  it("rejects an unknown service and an id with odd characters", () => {
    expect(rejectedPaths(createAppointmentBodySchema, { ...body, service: "massage" })).toEqual(["service"]);
    expect(rejectedPaths(createAppointmentBodySchema, { ...body, patientId: "pat/../1" })).toEqual([
      "patientId",
    ]);
    expect(rejectedPaths(createAppointmentBodySchema, { ...body, patientId: "p".repeat(65) })).toEqual([
      "patientId",
    ]);
  });
});

describe("cancel", () => {
  it("takes an optional reason of at most 500 characters, line breaks allowed", () => {
    expect(cancelAppointmentBodySchema.parse({})).toEqual({});
    expect(cancelSeriesBodySchema.parse({ reason: "Patient unwell.\nWill call back." }).reason).toBe(
      "Patient unwell.\nWill call back.",
    );
    expect(rejectedPaths(cancelAppointmentBodySchema, { reason: "x".repeat(501) })).toEqual(["reason"]);
    expect(rejectedPaths(cancelAppointmentBodySchema, { reason: "bell\u0007" })).toEqual(["reason"]);
  });
});

describe("outcome", () => {
  it("accepts an eligible outcome with protocols and an ineligible one without", () => {
    expect(outcomeBodySchema.parse({ eligible: true, protocols: ["kap", "iv-ketamine"] }).protocols).toEqual([
      "kap",
      "iv-ketamine",
    ]);
    expect(outcomeBodySchema.parse({ eligible: false, notes: "Revisit in 3 months.\nSee letter." })).toEqual({
      eligible: false,
      notes: "Revisit in 3 months.\nSee letter.",
    });
  });

  it("blames protocols when eligibility and protocols disagree", () => {
    expect(rejectedPaths(outcomeBodySchema, { eligible: true })).toEqual(["protocols"]);
    expect(rejectedPaths(outcomeBodySchema, { eligible: true, protocols: [] })).toEqual(["protocols"]);
    expect(rejectedPaths(outcomeBodySchema, { eligible: false, protocols: ["kap"] })).toEqual(["protocols"]);
    expect(rejectedPaths(outcomeBodySchema, { eligible: true, protocols: ["kap", "kap"] })).toEqual([
      "protocols",
    ]);
    expect(rejectedPaths(outcomeBodySchema, { eligible: true, protocols: ["lsd"] })).toEqual(["protocols.0"]);
  });

  it("limits notes to 2000 characters", () => {
    expect(rejectedPaths(outcomeBodySchema, { eligible: false, notes: "n".repeat(2001) })).toEqual(["notes"]);
  });
});

describe("attendance, series and the local clock", () => {
  it("accept good bodies", () => {
    expect(attendanceBodySchema.parse({ status: "no-show" })).toEqual({ status: "no-show" });
    expect(
      createSeriesBodySchema.parse({
        patientId: "pat_1",
        protocolId: "esketamine",
        start: "2026-12-01T09:00:00Z",
      }),
    ).toEqual({ patientId: "pat_1", protocolId: "esketamine", start: "2026-12-01T09:00:00.000Z" });
    expect(localClockBodySchema.parse({ now: "2026-12-01T09:00:00+09:00" })).toEqual({
      now: "2026-12-01T00:00:00.000Z",
    });
  });

  it("reject bad ones at the field at fault", () => {
    expect(rejectedPaths(attendanceBodySchema, { status: "cancelled" })).toEqual(["status"]);
    expect(
      rejectedPaths(createSeriesBodySchema, {
        patientId: "pat_1",
        protocolId: "booster",
        start: "2026-12-01T09:00:00Z",
      }),
    ).toEqual(["protocolId"]);
    expect(rejectedPaths(localClockBodySchema, { now: "2026-13-01T00:00:00Z" })).toEqual(["now"]);
  });
});
