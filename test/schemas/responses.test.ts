import { describe, expect, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import type { Appointment, Patient, Series } from "../../shared/domain/types.js";
import { appointmentSchema } from "../../shared/schemas/appointment.schema.js";
import type { patientSchema } from "../../shared/schemas/patient.schema.js";
import { problemSchema } from "../../shared/schemas/problem.schema.js";
import { seriesSchema } from "../../shared/schemas/series.schema.js";

const appointment: Appointment = {
  id: "apt_1",
  patientId: "pat_1",
  service: "iv-ketamine",
  protocolId: "iv-ketamine",
  resource: "chair",
  start: "2026-12-01T15:00:00.000Z",
  end: "2026-12-01T17:00:00.000Z",
  status: "booked",
  date: "2026-12-01",
  confirmation: "unconfirmed",
  seriesId: "ser_1",
  sequence: 1,
  reminders: [
    { id: "rem_1", kind: "confirmation", dueAt: "2026-11-20T12:00:00Z", status: "sent", version: 2 },
  ],
  version: 1,
  createdAt: "2026-11-20T12:00:00Z",
  updatedAt: "2026-11-20T12:00:00Z",
};

describe("response schemas", () => {
  it("have the domain types' shapes", () => {
    expectTypeOf<z.infer<typeof appointmentSchema>>().toEqualTypeOf<Appointment>();
    expectTypeOf<z.infer<typeof patientSchema>>().toEqualTypeOf<Patient>();
    expectTypeOf<z.infer<typeof seriesSchema>>().toEqualTypeOf<Series>();
  });

  it("accept a domain appointment and series, and reject a local-time instant", () => {
    expect(appointmentSchema.safeParse(appointment).success).toBe(true);
    expect(
      seriesSchema.safeParse({
        id: "ser_1",
        patientId: "pat_1",
        protocolId: "iv-ketamine",
        status: "active",
        sessions: [appointment],
        createdAt: "2026-11-20T12:00:00Z",
      }).success,
    ).toBe(true);
    expect(appointmentSchema.safeParse({ ...appointment, start: "2026-12-01T10:00:00-05:00" }).success).toBe(
      false,
    );
  });

  it("describe an RFC 9457 problem with field errors", () => {
    const problem = {
      type: "about:blank",
      title: "Bad Request",
      status: 400,
      detail: "The body does not match the schema.",
      errors: [{ path: "email", message: "must be a single valid email address" }],
    };
    expect(problemSchema.parse(problem)).toEqual(problem);
    expect(problemSchema.safeParse({ ...problem, status: 200 }).success).toBe(false);
  });
});
