import { describe, expect, it } from "vitest";
import { clinicDefaults, loadConfig } from "../../infra/config.js";
import { sampleContext } from "./synth-app.js";

const load = (overrides: Record<string, unknown>) => {
  const context = { ...sampleContext, ...overrides };
  return loadConfig((key) => context[key]);
};

describe("CDK context configuration", () => {
  it("accepts the sample clinic in cdk.json", () => {
    const config = load({});
    expect(config.stage).toBe("demo");
    expect(clinicDefaults(config)).toEqual({
      name: "Harbor Wellness Clinic",
      timezone: "America/New_York",
      phone: "+1 555 010 0100",
      address: "100 Harbor Street, Suite 2, Boston, MA 02110",
      chairs: 4,
      offices: 2,
    });
  });

  it("reads -c overrides, which arrive as strings", () => {
    const config = load({
      clinicChairs: "6",
      tracing: "false",
      reservedConcurrency: "false",
      logRetentionDays: "731",
      corsOrigins: "https://staff.clinic.example, http://localhost:5173",
    });
    expect(config.clinicChairs).toBe(6);
    expect(config.tracing).toBe(false);
    expect(config.reservedConcurrency).toBe(false);
    expect(config.logRetentionDays).toBe(731);
    expect(config.corsOrigins).toEqual(["https://staff.clinic.example", "http://localhost:5173"]);
  });

  it("names the key and the problem", () => {
    expect(() => load({ senderEmail: "not-an-address" })).toThrow(
      "context 'senderEmail' must be an email address",
    );
    expect(() => load({ alarmEmail: undefined })).toThrow("context 'alarmEmail' must be an email address");
    expect(() => load({ clinicTimezone: "Mars/Olympus" })).toThrow(
      "context 'clinicTimezone' must be an IANA time zone",
    );
    expect(() => load({ clinicChairs: "0" })).toThrow(
      "context 'clinicChairs' must be a whole number from 1 to 100",
    );
    expect(() => load({ clinicOffices: "two" })).toThrow("context 'clinicOffices' must be a whole number");
    expect(() => load({ stage: "Prod!" })).toThrow("context 'stage' must be 2-20 lowercase letters");
    expect(() => load({ tracing: "yes" })).toThrow("context 'tracing' must be true or false");
    expect(() => load({ logRetentionDays: "42" })).toThrow("context 'logRetentionDays' must be one of");
    expect(() => load({ logLevel: "LOUD" })).toThrow(
      "context 'logLevel' must be one of DEBUG, INFO, WARN, ERROR",
    );
    expect(() => load({ corsOrigins: "staff.clinic.example" })).toThrow("context 'corsOrigins'");
  });

  it("lists every problem at once", () => {
    let message = "";
    try {
      load({ senderEmail: "x", clinicName: undefined, clinicPhone: "call us" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("context 'senderEmail' must be an email address");
    expect(message).toContain("context 'clinicName' is required");
    expect(message).toContain("context 'clinicPhone' must be a phone number");
  });

  it("requires the sender address to belong to senderDomain when one is given", () => {
    expect(load({ senderDomain: "clinic.example" }).senderDomain).toBe("clinic.example");
    expect(() => load({ senderDomain: "other.example" })).toThrow(
      "context 'senderEmail' must be an address in senderDomain 'other.example'",
    );
  });

  it("treats an empty -c value as unset (default or 'required')", () => {
    expect(load({ logLevel: "" }).logLevel).toBe("INFO");
    expect(() => load({ clinicAddress: "" })).toThrow("context 'clinicAddress' is required");
  });
});
