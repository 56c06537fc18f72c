import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import {
  agendaQuerySchema,
  attendanceBodySchema,
  cancelAppointmentBodySchema,
  createAppointmentBodySchema,
  outcomeBodySchema,
  rescheduleAppointmentBodySchema,
} from "../../shared/schemas/appointment.schema.js";
import { availabilityQuerySchema } from "../../shared/schemas/availability.schema.js";
import { putClinicBodySchema } from "../../shared/schemas/clinic.schema.js";
import { localClockBodySchema } from "../../shared/schemas/local-clock.schema.js";
import { createPatientBodySchema, patchPatientBodySchema } from "../../shared/schemas/patient.schema.js";
import { fieldErrors } from "../../shared/schemas/problem.schema.js";
import { cancelSeriesBodySchema, createSeriesBodySchema } from "../../shared/schemas/series.schema.js";

const bodies: Record<string, z.ZodMiniType> = {
  createPatientBodySchema,
  patchPatientBodySchema,
  createAppointmentBodySchema,
  cancelAppointmentBodySchema,
  rescheduleAppointmentBodySchema,
  outcomeBodySchema,
  attendanceBodySchema,
  createSeriesBodySchema,
  cancelSeriesBodySchema,
  localClockBodySchema,
  putClinicBodySchema,
};
const queries: Record<string, z.ZodMiniType> = { availabilityQuerySchema, agendaQuerySchema };

// Values near the valid ones find more corners than uniformly random JSON.
const nearValid = fc.constantFrom(
  "2026-12-01",
  "2026-02-30",
  "2026-12-01T10:00:00-05:00",
  "2026-12-01T25:00:00Z",
  "America/New_York",
  "Mars/Olympus",
  "kap",
  "consultation",
  "ann@example.com",
  "ann@example.com\r\nBcc: x@y.z",
  "__proto__",
  "constructor",
);
const json = fc.oneof(fc.jsonValue(), nearValid);
const objectish = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "firstName",
      "email",
      "start",
      "from",
      "to",
      "service",
      "eligible",
      "protocols",
      "__proto__",
    ),
    fc.string(),
  ),
  json,
);

describe("request schemas on anything a client can send", () => {
  it.each(Object.entries(bodies))("%s only ever succeeds or fails", (_, schema) => {
    fc.assert(
      fc.property(fc.oneof(json, objectish), (value) => {
        const result = schema.safeParse(value);
        if (!result.success) {
          for (const e of fieldErrors(result.error)) expect(typeof e.message).toBe("string");
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.entries(queries))("%s only ever succeeds or fails", (_, schema) => {
    const query = fc.dictionary(
      fc.constantFrom("service", "from", "to", "extra"),
      fc.oneof(fc.string(), nearValid, fc.array(fc.string())),
    );
    fc.assert(
      fc.property(fc.oneof(query, json), (value) => {
        expect(typeof schema.safeParse(value).success).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
