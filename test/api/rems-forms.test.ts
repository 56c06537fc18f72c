import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import type { Appointment } from "../../shared/domain/types.js";
import { findForbiddenWord } from "../../shared/email/index.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";

/**
 * REMS monitoring forms through the whole local stack: the API on DynamoDB Local, the local clock, and
 * rems-watch sending the daily digest to the SES emulator. One story, in order, from Monday 30 November
 * 2026 08:00 in New York: a completed esketamine session's form goes due, overdue, and submitted.
 */
describe("REMS monitoring forms, with the local clock", () => {
  let h: LocalStackHarness;
  const clinicEmail = `front-desk-${randomUUID()}@riverside.example`;
  let patientId: string;
  /** Completed: owes a form. */
  let completed: Appointment;
  /** Marked completed by mistake, then corrected to a no-show: owes none. */
  let missed: Appointment;
  /** Still booked (later in the week): owes none. */
  let booked: Appointment;
  let consultationId: string;

  const clock = (now: string) => h.call("POST", "/local/clock", { now }, "admin");
  const forms = async (query = "") => {
    const res = await h.call("GET", `/rems/monitoring-forms${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.forms as { appointmentId: string; status: string; dueBy: string; sessionDate: string }[];
  };
  const record = (id: string, body: unknown, role: "clinician" | "staff" | "admin" = "clinician") =>
    h.call("POST", `/appointments/${id}/rems-form`, body, role);
  const digests = () => h.emailsTo(clinicEmail);
  /** Every item but the audit trail's: a refused request writes none of it. */
  const clinicItems = async () => {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await h.stack.doc.send(
        new ScanCommand({ TableName: h.stack.tableName, ExclusiveStartKey, ConsistentRead: true }),
      );
      items.push(...(out.Items ?? []));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.filter((i) => i.type !== "audit");
  };

  beforeAll(async () => {
    h = await localStackHarness({
      clinic: { ...DEFAULT_CLINIC, notificationDelayMinutes: 0, email: clinicEmail },
    });
    const patient = await h.eligiblePatient(["esketamine"], { remsEnrolled: true });
    patientId = patient.id;
    consultationId = patient.consultation.id;
    const book = async (start: string) => {
      const res = await h.call("POST", "/appointments", { patientId, service: "esketamine", start });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as Appointment;
    };
    completed = await book("2026-11-30T11:00:00-05:00");
    missed = await book("2026-11-30T14:00:00-05:00");
    booked = await book("2026-12-02T10:00:00-05:00");
  }, 120_000);
  afterAll(() => h.stack.stop());

  it("a completed esketamine session owes a form due by the end of the 7th day; booked and missed ones owe none", async () => {
    expect((await clock("2026-11-30T16:45:00-05:00")).status).toBe(200);
    const mark = (id: string, status: string) =>
      h.call("POST", `/appointments/${id}/attendance`, { status }, "clinician");
    expect((await mark(completed.id, "completed")).status).toBe(200);
    expect((await mark(missed.id, "completed")).status).toBe(200);
    expect((await forms()).map((f) => f.appointmentId).sort()).toEqual([completed.id, missed.id].sort());
    expect((await mark(missed.id, "no-show")).status).toBe(200);

    expect(await forms("?status=due")).toEqual([
      {
        appointmentId: completed.id,
        patientId,
        sessionDate: "2026-11-30",
        dueBy: "2026-12-08T04:59:59.999Z", // 23:59:59.999 on Monday 7 December in New York
        status: "due",
      },
    ]);
    expect(await forms("?status=overdue")).toEqual([]);
    expect(await forms("?status=submitted")).toEqual([]);
    // Nothing to record on a session that owes no form.
    const refusal = async (id: string) => {
      const res = await record(id, { submittedAt: "2026-11-30T16:40:00-05:00" });
      return [res.status, res.body.code];
    };
    expect(await refusal(missed.id)).toEqual([409, "not-completed"]);
    expect(await refusal(booked.id)).toEqual([409, "not-completed"]);
    expect(await refusal(consultationId)).toEqual([409, "not-a-rems-session"]);
    expect(await refusal("no-such-appointment")).toEqual([404, "not-found"]);
  });

  it("the clinic's digest lists the form the day before it is due, once that day", async () => {
    // Nothing due tomorrow or overdue on the days before: no email.
    await clock("2026-12-03T08:00:00-05:00");
    expect(await digests()).toHaveLength(0);
    // Before 07:00 on Sunday 6 December: not yet.
    await clock("2026-12-06T06:45:00-05:00");
    expect(await digests()).toHaveLength(0);
    await clock("2026-12-06T07:05:00-05:00");
    const [first] = await digests();
    expect(first?.subject).toBe("Riverside Wellness Clinic: daily summary for Sunday, 6 December 2026");
    expect(findForbiddenWord(first!.subject)).toBeUndefined();
    const text = first!.body.text ?? "";
    expect(text).toContain("DUE TOMORROW (1)");
    expect(text).toContain(`Appointment ${completed.id}, patient ${patientId}`);
    expect(text).not.toContain(missed.id);
    // No patient names, in the subject or anywhere else.
    for (const name of ["Jamie", "Okafor"])
      expect(`${first!.subject}${text}${first!.body.html}`).not.toContain(name);
    // Later that day, the clock moves again: the digest is not sent twice.
    await clock("2026-12-06T18:00:00-05:00");
    expect(await digests()).toHaveLength(1);
  });

  it("goes overdue after its 7th day, and the next day's digest says so", async () => {
    await clock("2026-12-08T07:05:00-05:00");
    expect(await forms("?status=due")).toEqual([]);
    expect(await forms("?status=overdue")).toEqual([
      expect.objectContaining({ appointmentId: completed.id, status: "overdue" }),
    ]);
    const sent = await digests();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.subject).toBe("Riverside Wellness Clinic: daily summary for Tuesday, 8 December 2026");
    expect(sent[1]!.body.text).toContain("OVERDUE (1)");
  });

  it("refuses bad bodies with a 4xx naming the field, and writes nothing", async () => {
    const before = await clinicItems();
    const cases: [unknown, number, string][] = [
      [{}, 400, "submittedAt"],
      [{ submittedAt: "2026-12-07T15:00:00" }, 400, "submittedAt"], // no offset: which zone?
      [{ submittedAt: "yesterday" }, 400, "submittedAt"],
      [{ submittedAt: "2026-12-08T07:10:00-05:00" }, 422, "submittedAt"], // five minutes from now
      [{ submittedAt: "2026-11-30T10:59:00-05:00" }, 422, "submittedAt"], // before the session started
      [{ submittedAt: "2026-12-07T15:00:00-05:00", reference: "PMF\n42" }, 400, "reference"],
      [{ submittedAt: "2026-12-07T15:00:00-05:00", reference: "x".repeat(65) }, 400, "reference"],
      [{ submittedAt: "2026-12-07T15:00:00-05:00", reference: 42 }, 400, "reference"],
      [{ submittedAt: "2026-12-07T15:00:00-05:00", filedBy: "Dr. Lee" }, 400, "filedBy"],
    ];
    for (const [body, status, field] of cases) {
      const res = await record(completed.id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await record(completed.id, { submittedAt: "2026-12-07T15:00:00-05:00" }, "staff")).status).toBe(
      403,
    );
    expect(await clinicItems()).toEqual(before);
  });

  it("a clinician records the form: it is submitted, the same record again changes nothing, a different one is refused", async () => {
    const body = { submittedAt: "2026-12-07T15:00:00-05:00", reference: "PMF-0042" };
    const res = await record(completed.id, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.remsForm).toEqual({
      submittedAt: "2026-12-07T20:00:00.000Z",
      reference: "PMF-0042",
      recordedBy: "local-clinician",
      recordedAt: "2026-12-08T12:05:00.000Z",
    });
    expect(await forms("?status=overdue")).toEqual([]);
    expect(await forms()).toEqual([]);
    expect(await forms("?status=submitted")).toEqual([
      {
        appointmentId: completed.id,
        patientId,
        sessionDate: "2026-11-30",
        dueBy: "2026-12-08T04:59:59.999Z",
        status: "submitted",
        submittedAt: "2026-12-07T20:00:00.000Z",
      },
    ]);
    expect(await forms("?status=submitted&from=2026-12-01&to=2026-12-31")).toEqual([]);

    // A retry after a lost response: 200, the same version.
    const again = await record(completed.id, { ...body, submittedAt: "2026-12-07T20:00:00Z" });
    expect([again.status, again.body.version]).toEqual([200, res.body.version]);
    const other = await record(completed.id, { ...body, reference: "PMF-0043" }, "admin");
    expect([other.status, other.body.code]).toEqual([409, "rems-form-recorded"]);
    // The session stays completed: its form says it took place.
    const noShow = await h.call("POST", `/appointments/${completed.id}/attendance`, { status: "no-show" });
    expect([noShow.status, noShow.body.code]).toEqual([409, "rems-form-recorded"]);
    expect((await h.call("GET", `/appointments/${completed.id}`)).body.status).toBe("completed");
  });

  it("sends no digest on a day with nothing to chase", async () => {
    await clock("2026-12-09T07:30:00-05:00");
    expect(await digests()).toHaveLength(2);
  });

  it("leaves an audit entry for the listing and for each recording", async () => {
    const audit = await h.call(
      "GET",
      `/audit?patientId=${patientId}&from=2026-11-01&to=2026-12-31`,
      undefined,
      "admin",
    );
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    const actions = audit.body.entries.map(
      (e: { action: string; status: number }) => `${e.action} ${e.status}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "POST /appointments/{id}/rems-form 200",
        "POST /appointments/{id}/rems-form 409",
        "POST /appointments/{id}/rems-form 422",
      ]),
    );
    const reads = await h.call(
      "GET",
      "/audit?actor=local-staff&from=2026-11-01&to=2026-12-31",
      undefined,
      "admin",
    );
    expect(reads.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "GET /rems/monitoring-forms",
          target: { type: "rems-forms", id: "overdue" },
          status: 200,
        }),
      ]),
    );
  });

  it("rejects listing queries that do not fit, naming the field", async () => {
    const bad = async (query: string) => {
      const res = await h.call("GET", `/rems/monitoring-forms${query}`);
      return [res.status, res.body.errors?.map((e: { path: string }) => e.path)];
    };
    expect(await bad("?status=late")).toEqual([400, ["query.status"]]);
    expect(await bad("?status=due&from=2026-12-01&to=2026-12-02")).toEqual([400, ["query.from", "query.to"]]);
    expect(await bad("?status=submitted&from=2026-12-01")).toEqual([400, ["query.to"]]);
    expect(await bad("?status=submitted&from=2026-01-01&to=2026-12-31")).toEqual([400, ["query.to"]]);
  });
});
