import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { clinicSchema, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { agendaQuerySchema } from "../../shared/schemas/appointment.schema.js";
import { putClinicBodySchema } from "../../shared/schemas/clinic.schema.js";
import { instantSchema } from "../../shared/schemas/common.schema.js";
import { createPatientBodySchema } from "../../shared/schemas/patient.schema.js";
import { fieldErrors } from "../../shared/schemas/problem.schema.js";

function rejectedPaths(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success, JSON.stringify(value)).toBe(false);
  return result.success ? [] : fieldErrors(result.error).map((e) => e.path);
}

describe("instants", () => {
  it.each([
    ["Z", "2026-12-01T10:00:00Z", "2026-12-01T10:00:00.000Z"],
    ["New York", "2026-12-01T10:00:00-05:00", "2026-12-01T15:00:00.000Z"],
    ["Nepal's quarter hour", "2026-12-01T10:00:00+05:45", "2026-12-01T04:15:00.000Z"],
    ["Newfoundland's half hour", "2026-12-01T10:00:00-03:30", "2026-12-01T13:30:00.000Z"],
    ["Chatham, +12:45", "2026-12-01T10:00:00+12:45", "2026-11-30T21:15:00.000Z"],
    ["Chatham in summer, +13:45", "2026-12-01T10:00:00+13:45", "2026-11-30T20:15:00.000Z"],
    ["Kiribati, +14:00", "2026-12-01T10:00:00+14:00", "2026-11-30T20:00:00.000Z"],
    ["Baker Island, -12:00", "2026-12-01T10:00:00-12:00", "2026-12-01T22:00:00.000Z"],
    ["milliseconds", "2026-12-01T10:00:00.123Z", "2026-12-01T10:00:00.123Z"],
    ["zeros below the millisecond", "2026-12-01T10:00:00.123000Z", "2026-12-01T10:00:00.123Z"],
    ["the first day served", "2000-01-01T00:00:00Z", "2000-01-01T00:00:00.000Z"],
  ])("accepts %s", (_, given, utc) => {
    expect(instantSchema.parse(given)).toBe(utc);
  });

  it.each([
    ["+14:59, past the largest real offset", "2026-12-01T10:00:00+14:59"],
    ["+14:30", "2026-12-01T10:00:00+14:30"],
    ["+15:00", "2026-12-01T10:00:00+15:00"],
    ["-12:30", "2026-12-01T10:00:00-12:30"],
    ["-13:00", "2026-12-01T10:00:00-13:00"],
    ["minutes no zone uses, +05:17", "2026-12-01T10:00:00+05:17"],
    ["+01:60", "2026-12-01T10:00:00+01:60"],
    ["a microsecond", "2026-12-01T10:00:00.000001Z"],
    ["a tenth of a microsecond", "2026-12-07T10:00:00.0000001Z"],
    ["four fractional digits", "2026-12-01T10:00:00.1234Z"],
    ["year 9999", "9999-12-31T10:00:00Z"],
    ["year 10000 once in UTC", "9999-12-31T23:00:00-05:00"],
    ["year 1", "0001-01-01T10:00:00Z"],
    ["the last moment of 1999", "1999-12-31T23:59:59.999Z"],
  ])("refuses %s", (_, given) => {
    expect(rejectedPaths(instantSchema, given)).toEqual(["(body)"]);
  });

  it("says why", () => {
    const message = (s: string) => instantSchema.safeParse(s).error?.issues[0]?.message;
    expect(message("2026-12-01T10:00:00+14:59")).toMatch(/real UTC offset/);
    expect(message("2026-12-01T10:00:00.0001Z")).toMatch(/milliseconds/);
    expect(message("9999-12-31T10:00:00Z")).toMatch(/between 2000-01-01 and 2199-12-31/);
  });
});

describe("query dates", () => {
  it("refuses dates the system does not plan in, naming each", () => {
    expect(rejectedPaths(agendaQuerySchema, { from: "9999-12-30", to: "9999-12-31" })).toEqual([
      "from",
      "to",
    ]);
    expect(rejectedPaths(agendaQuerySchema, { from: "1999-12-31", to: "2000-01-01" })).toEqual(["from"]);
    expect(agendaQuerySchema.safeParse({ from: "2199-12-01", to: "2199-12-31" }).success).toBe(true);
  });
});

const patient = { firstName: "Ann", lastName: "Lee", email: "ann@example.com", emailConsent: true };

describe("names", () => {
  it.each([
    ["a zero-width space", "An\u200Bn"],
    ["a zero-width non-joiner", "An\u200Cn"],
    ["a zero-width joiner", "An\u200Dn"],
    ["a word joiner", "An\u2060n"],
    ["a zero-width no-break space", "An\uFEFFn"],
    ["a soft hyphen", "An\u00ADn"],
    ["a left-to-right mark", "Ann\u200E"],
    ["a right-to-left mark", "\u200FAnn"],
    ["an Arabic letter mark", "Ann\u061C"],
    ["a right-to-left override", "\u202EnnA"],
    ["a first-strong isolate", "\u2068Ann\u2069"],
    ["a line separator", "Ann\u2028Lee"],
    ["a lone surrogate", "Ann\uD800"],
    ["a tab", "Ann\tLee"],
  ])("refuses %s", (_, firstName) => {
    expect(rejectedPaths(createPatientBodySchema, { ...patient, firstName })).toEqual(["firstName"]);
  });

  it.each(["José", "Zoë", "O'Brien", "Nguyễn", "Ana-María", "李", "Ægir", "Ñandú", "محمد", "עדי"])(
    "accepts %s",
    (firstName) => {
      expect(createPatientBodySchema.parse({ ...patient, firstName }).firstName).toBe(firstName);
    },
  );

  it("still loads clinic settings stored before the rule: it is checked on the way in", () => {
    expect(clinicSchema.parse({ ...DEFAULT_CLINIC, name: "Harbor\u200B Wellness" }).name).toBe(
      "Harbor\u200B Wellness",
    );
  });

  it("holds the clinic's name, subject name, phone and address to the same, on PUT /clinic", () => {
    for (const field of ["name", "subjectName", "phone", "address"] as const) {
      expect(
        rejectedPaths(putClinicBodySchema, { ...DEFAULT_CLINIC, [field]: "Harbor\u200B Wellness" }),
      ).toEqual([field]);
    }
  });
});
