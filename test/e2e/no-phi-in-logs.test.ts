import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "../../shared/observability/logger.js";
import { localStackHarness } from "../support/local-stack-harness.js";

const SECRETS = (email: string) => [
  "Zebulon",
  "Quixotic",
  "quixotic",
  "5558675309",
  email,
  "TRD",
  "ECT",
  "not-an-email",
  // A closure's reason is staff-internal: never in a log.
  "Okonkwo",
];

describe("logs and the audit trail", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    logger.setLogLevel("ERROR");
  });

  it("carry ids and outcomes, never a patient's name, email, search term or clinical notes", async () => {
    logger.setLogLevel("DEBUG");
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(capture);
    vi.spyOn(process.stderr, "write").mockImplementation(capture);

    const h = await localStackHarness();
    try {
      const patient = await h.eligiblePatient(["iv-ketamine"], {
        firstName: "Zebulon",
        lastName: "Quixotic",
      });
      const consultation = patient.consultation.id;
      await h.call(
        "POST",
        `/appointments/${consultation}/outcome`,
        { eligible: true, protocols: ["iv-ketamine"], notes: "Severe TRD, prior ECT" },
        "clinician",
      );
      await h.call("POST", "/series", {
        patientId: patient.id,
        protocolId: "iv-ketamine",
        start: "2026-12-07T10:00:00-05:00",
      });
      await h.call("POST", "/local/clock", { now: "2026-12-12T00:00:00Z" }, "admin");
      // A search carries a name or an address in its URL.
      await h.call("GET", "/patients?name=quixotic%2C%20zeb");
      await h.call("GET", `/patients?email=${encodeURIComponent(patient.email)}`);
      await h.call("GET", "/patients?name=quixotic&limit=zillion");
      await h.call("GET", "/patients?phone=5558675309");
      await h.call("GET", "/patients?phone=5558675309&name=x");
      await h.call("POST", "/patients", {
        firstName: "Bad",
        lastName: "Input",
        email: "not-an-email\r\nBcc: x@y.z",
        emailConsent: true,
      });
      // The day's agenda names patients; a closure's reason is for staff only; both stay out of the logs.
      await h.call("GET", "/agenda?date=2026-12-14");
      await h.call("POST", "/closures", { date: "2026-12-14", reason: "Dr Okonkwo-Vance off sick" }, "admin");
      await h.call("POST", "/local/clock", { now: "2026-12-12T01:00:00Z" }, "admin");
      vi.restoreAllMocks();
      const log = lines.join("");
      expect(log).toContain("reminder processed");
      for (const secret of SECRETS(patient.email)) expect(log).not.toContain(secret);

      // Every request above left an audit entry; none holds more than ids, actions and outcomes.
      const trail = await h.call(
        "GET",
        `/audit?patientId=${patient.id}&from=2026-11-01&to=2026-12-31`,
        undefined,
        "admin",
      );
      expect(trail.body.entries.length).toBeGreaterThanOrEqual(5);
      const byActor = await h.call(
        "GET",
        "/audit?actor=local-staff&from=2026-11-01&to=2026-12-31",
        undefined,
        "admin",
      );
      expect(byActor.body.entries.map((e: { action: string }) => e.action)).toContain("GET /patients");
      const entries = JSON.stringify([trail.body, byActor.body]);
      for (const secret of SECRETS(patient.email)) expect(entries).not.toContain(secret);
    } finally {
      vi.restoreAllMocks();
      await h.stack.stop();
    }
  });
});
