import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { agendaQuerySchema } from "../../shared/schemas/appointment.schema.js";
import { availabilityQuerySchema } from "../../shared/schemas/availability.schema.js";
import { fieldErrors } from "../../shared/schemas/problem.schema.js";

function rejectedPaths(result: z.util.SafeParseResult<unknown>): string[] {
  expect(result.success).toBe(false);
  return result.success ? [] : fieldErrors(result.error).map((e) => e.path);
}

describe("availability query", () => {
  it("accepts a range of 31 days, both ends included", () => {
    const q = { service: "consultation", from: "2026-12-01", to: "2026-12-31" };
    expect(availabilityQuerySchema.parse(q)).toEqual(q);
  });

  it("accepts a single day", () => {
    expect(
      availabilityQuerySchema.safeParse({ service: "kap", from: "2026-12-01", to: "2026-12-01" }).success,
    ).toBe(true);
  });

  it("rejects 32 days", () => {
    expect(
      rejectedPaths(
        availabilityQuerySchema.safeParse({ service: "kap", from: "2026-12-01", to: "2027-01-01" }),
      ),
    ).toEqual(["to"]);
  });

  it("counts days, not hours, across a DST change", () => {
    expect(
      availabilityQuerySchema.safeParse({ service: "kap", from: "2026-10-15", to: "2026-11-14" }).success,
    ).toBe(true);
  });

  it("rejects a range that ends before it starts", () => {
    expect(
      rejectedPaths(
        availabilityQuerySchema.safeParse({ service: "kap", from: "2026-12-02", to: "2026-12-01" }),
      ),
    ).toEqual(["to"]);
  });

  it("rejects dates that do not exist, an unknown service and unknown parameters", () => {
    expect(
      rejectedPaths(
        availabilityQuerySchema.safeParse({ service: "kap", from: "2026-02-30", to: "2026-03-01" }),
      ),
    ).toEqual(["from"]);
    expect(
      rejectedPaths(
        availabilityQuerySchema.safeParse({ service: "reiki", from: "2026-03-01", to: "2026-03-01" }),
      ),
    ).toEqual(["service"]);
    expect(
      rejectedPaths(
        availabilityQuerySchema.safeParse({
          service: "kap",
          from: "2026-03-01",
          to: "2026-03-01",
          limit: "5",
        }),
      ),
    ).toEqual(["limit"]);
    expect(rejectedPaths(availabilityQuerySchema.safeParse({ service: "kap", from: "2026-03-01" }))).toEqual([
      "to",
    ]);
  });
});

describe("agenda query", () => {
  it("accepts up to 93 days and rejects 94", () => {
    expect(agendaQuerySchema.safeParse({ from: "2026-01-01", to: "2026-04-03" }).success).toBe(true);
    expect(rejectedPaths(agendaQuerySchema.safeParse({ from: "2026-01-01", to: "2026-04-04" }))).toEqual([
      "to",
    ]);
  });

  it("rejects a date in another format", () => {
    expect(rejectedPaths(agendaQuerySchema.safeParse({ from: "01/01/2026", to: "2026-01-02" }))).toEqual([
      "from",
    ]);
  });
});
