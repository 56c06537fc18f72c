import { describe, expect, it } from "vitest";
import { clinicSchema, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { clinicProtocols } from "../../shared/domain/protocol-catalogue.js";
import { protocolListSchema, putClinicBodySchema } from "../../shared/schemas/clinic.schema.js";
import { fieldErrors } from "../../shared/schemas/problem.schema.js";

const {
  quietHours,
  arrivalMinutesBefore,
  serviceMinutes,
  protocolOverrides,
  bookingHorizonDays,
  ...required
} = DEFAULT_CLINIC;

describe("the default clinic", () => {
  it("is a clinic the schema accepts unchanged (it is written out, not parsed at import)", () => {
    expect(clinicSchema.parse(DEFAULT_CLINIC)).toEqual(DEFAULT_CLINIC);
  });
});

describe("PUT /clinic body", () => {
  it("fills optional settings left out with their defaults", () => {
    const parsed = putClinicBodySchema.parse(required);
    expect(parsed).toEqual({
      ...required,
      quietHours,
      arrivalMinutesBefore,
      serviceMinutes,
      protocolOverrides,
      bookingHorizonDays,
    });
  });

  it("rejects a made-up zone, an overlapping day and an unknown setting at their paths", () => {
    const result = putClinicBodySchema.safeParse({
      ...required,
      timezone: "Mars/Olympus",
      hours: {
        ...required.hours,
        mon: [
          { open: "08:00", close: "12:00" },
          { open: "11:00", close: "13:00" },
        ],
      },
      wifiPassword: "hunter2",
    });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : fieldErrors(result.error).map((e) => e.path);
    expect(paths.sort()).toEqual(["hours.mon", "timezone", "wifiPassword"]);
  });
});

describe("protocol list response", () => {
  it("describes the catalogue as served", () => {
    expect(
      protocolListSchema.safeParse({ protocols: Object.values(clinicProtocols(DEFAULT_CLINIC)) }).success,
    ).toBe(true);
  });
});
