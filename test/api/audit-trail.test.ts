import { describe, expect, it } from "vitest";
import { AUDIT_RETENTION_DAYS, type AuditEntry } from "../../shared/domain/audit.js";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { routeSpecsOf } from "../../shared/http/app.js";
import { lambdaAuthorizerClaims } from "../../shared/http/authenticators.js";
import type { Deps } from "../../shared/use-cases/deps.js";
import { StaleWrite } from "../../shared/use-cases/errors.js";
import { apiHarness, newPatient } from "../support/api-harness.js";

const range = "from=2026-11-01&to=2026-12-31";

describe("the audit trail", () => {
  it("shows a patient's walk-through in order: who read or changed what, and how it ended", async () => {
    const api = await apiHarness();
    const patientId = (await api.call("POST", "/patients", newPatient())).body.id;
    const consultation = await api.call("POST", "/appointments", {
      patientId,
      service: "consultation",
      start: "2026-11-30T10:00:00-05:00",
    });
    api.clock.set(consultation.body.end);
    const outcome = await api.call(
      "POST",
      `/appointments/${consultation.body.id}/outcome`,
      { eligible: true, protocols: ["iv-ketamine"] },
      { role: "clinician" },
    );
    expect(outcome.status).toBe(200);
    await api.call("GET", `/patients/${patientId}`, undefined, { role: "clinician" });
    const series = await api.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(series.status).toBe(201);
    await api.call("GET", `/series/${series.body.id}`);
    const session = series.body.sessions[2].id;
    await api.call("POST", `/appointments/${session}/cancel`, {});
    // Refused: already cancelled. Refusals are in the trail too.
    expect((await api.call("POST", `/appointments/${session}/cancel`, {})).status).toBe(409);

    const trail = await api.call("GET", `/audit?patientId=${patientId}&${range}`, undefined, {
      role: "admin",
    });
    expect(trail.status).toBe(200);
    const rows = (trail.body.entries as AuditEntry[]).map((e) => [
      e.actor,
      e.action,
      e.target.type,
      e.status,
    ]);
    expect(rows).toEqual([
      ["local-staff", "POST /patients", "patient", 201],
      ["local-staff", "POST /appointments", "appointment", 201],
      ["local-clinician", "POST /appointments/{id}/outcome", "appointment", 200],
      ["local-clinician", "GET /patients/{id}", "patient", 200],
      ["local-staff", "POST /series", "series", 201],
      ["local-staff", "GET /series/{id}", "series", 200],
      ["local-staff", "POST /appointments/{id}/cancel", "appointment", 200],
      ["local-staff", "POST /appointments/{id}/cancel", "appointment", 409],
    ]);
    const [created, , , , booked] = trail.body.entries as AuditEntry[];
    expect(created!.target.id).toBe(patientId);
    expect(booked!.target.id).toBe(series.body.id);
    const times = (trail.body.entries as AuditEntry[]).map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it("gives each of many requests served at once its own entry: the actor, the patient and the outcome of that request", async () => {
    const api = await apiHarness();
    const readers = ["staff", "clinician", "admin"] as const;
    const patients: string[] = [];
    for (const [i] of readers.entries())
      patients.push(
        (await api.call("POST", "/patients", newPatient({ email: `p${i}@example.com` }))).body.id,
      );

    // A change (its entry commits with it) and a read (its entry follows the response) per patient, all at
    // once, by different people: nothing may land in another request's entry.
    const served = await Promise.all(
      readers.flatMap((role, i) => [
        api.call("PATCH", `/patients/${patients[i]}`, { firstName: `Renamed${i}` }),
        api.call("GET", `/patients/${patients[i]}`, undefined, { role }),
      ]),
    );
    expect(served.map((r) => r.status)).toEqual(readers.flatMap(() => [200, 200]));

    for (const [i, role] of readers.entries()) {
      const trail = await api.call("GET", `/audit?patientId=${patients[i]}&${range}`, undefined, {
        role: "admin",
      });
      const rows = (trail.body.entries as AuditEntry[]).map((e) => [
        e.actor,
        e.action,
        e.target.id,
        e.status,
      ]);
      expect(rows.slice(1).sort()).toEqual(
        [
          ["local-staff", "PATCH /patients/{id}", patients[i], 200],
          [`local-${role}`, "GET /patients/{id}", patients[i], 200],
        ].sort(),
      );
    }
  });

  it("pages through one actor's entries with an opaque cursor, and refuses a cursor of another query", async () => {
    const api = await apiHarness();
    for (let i = 0; i < 5; i++)
      await api.call("POST", "/patients", newPatient({ email: `a${i}@example.com` }));
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await api.call(
        "GET",
        `/audit?actor=local-staff&${range}&limit=2${next ? `&next=${next}` : ""}`,
        undefined,
        { role: "admin" },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.entries.map((e: AuditEntry) => e.target.id));
      next = page.body.next;
    } while (next);
    expect(new Set(seen).size).toBe(5);

    const first = await api.call("GET", `/audit?actor=local-staff&${range}&limit=1`, undefined, {
      role: "admin",
    });
    const foreign = await api.call(
      "GET",
      `/audit?actor=someone-else&${range}&next=${first.body.next}`,
      undefined,
      { role: "admin" },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe("query.next");
  });

  it("is for admins only, and needs exactly one of patientId and actor", async () => {
    const api = await apiHarness();
    expect((await api.call("GET", `/audit?actor=x&${range}`)).status).toBe(403);
    const both = await api.call("GET", `/audit?actor=x&patientId=y&${range}`, undefined, { role: "admin" });
    expect(both.status).toBe(400);
  });

  it("commits a change and its entry together: when the entry cannot be written, neither is the change", async () => {
    const api = await apiHarness();
    const patient = (await api.call("POST", "/patients", newPatient())).body;
    const entry: AuditEntry = {
      id: "fixed-request",
      at: "2026-11-30T13:00:00.000Z",
      actor: "local-staff",
      action: "PATCH /patients/{id}",
      target: { type: "patient", id: patient.id },
      patientId: patient.id,
      status: 200,
    };
    await api.store.recordAudit(entry);
    const renamed = { ...patient, lastName: "Changed", version: patient.version + 1 };
    await expect(api.store.commit({ updatePatient: renamed, audit: entry })).rejects.toBeInstanceOf(
      StaleWrite,
    );
    expect((await api.store.getPatient(patient.id))!.lastName).toBe(patient.lastName);
  });

  it("keeps entries six years, after which DynamoDB's TTL (never the application) removes them", async () => {
    const api = await apiHarness();
    await api.call("POST", "/patients", newPatient());
    const [item] = await api.auditItems();
    const years = (item!.ttl - Date.parse(item!.at) / 1000) / (365.25 * 86_400);
    expect(years).toBeGreaterThanOrEqual(6);
    expect(AUDIT_RETENTION_DAYS).toBeLessThan(6 * 366 + 2);
  });
});

describe("an audited route's success status", () => {
  it("is the one its docs give, though the Lambda, which has no docs, reads it from the route's audit", () => {
    const specs = routeSpecsOf({
      deps: {} as Deps,
      authenticate: lambdaAuthorizerClaims,
      openApiDocument: apiOpenApiDocument,
    });
    const audited = specs.filter((spec) => spec.audit);
    expect(audited.length).toBeGreaterThan(20);
    for (const spec of audited) {
      const documented = Object.keys(spec.responses)
        .map(Number)
        .filter((status) => status < 300);
      expect(documented, spec.operationId).toEqual([spec.audit?.successStatus ?? 200]);
    }
  });
});
