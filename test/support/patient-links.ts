import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { StoredEmail } from "../../local/ses-emulator.js";
import type { LocalStackHarness } from "./local-stack-harness.js";

/** The Confirm and Cancel links of an email, as a patient would tap them. */
export function answerLinksIn(email: StoredEmail): { confirm: string; cancel: string } {
  const text = email.body.text ?? "";
  const confirm = /(https?:\/\/\S+\/visit\/\S+\/confirm)\b/.exec(text)?.[1];
  const cancel = /(https?:\/\/\S+\/visit\/\S+\/cancel)\b/.exec(text)?.[1];
  if (!confirm || !cancel) throw new Error(`no Confirm and Cancel links in "${email.subject}"`);
  // The HTML part carries the very same links.
  expect(email.body.html).toContain(`href="${confirm}"`);
  expect(email.body.html).toContain(`href="${cancel}"`);
  return { confirm, cancel };
}

/** A patient with a consultation booked at `start`, through the staff API. */
export async function bookedConsultation(h: LocalStackHarness, start: string) {
  const email = `answers-${randomUUID()}@example.com`;
  const patient = await h.call("POST", "/patients", {
    firstName: "Jamie",
    lastName: "Okafor",
    email,
    emailConsent: true,
  });
  expect(patient.status).toBe(201);
  const booked = await h.call("POST", "/appointments", {
    patientId: patient.body.id,
    service: "consultation",
    start,
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return { patientId: patient.body.id as string, email, appointmentId: booked.body.id as string };
}

/** Moves the local clock (the pipeline fires what falls due) and returns the patient's emails by then. */
export async function clockTo(h: LocalStackHarness, now: string, email: string): Promise<StoredEmail[]> {
  const moved = await h.call("POST", "/local/clock", { now }, "admin");
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return h.emailsTo(email);
}

/** A link opened (GET) or its button pressed (POST) by a browser with no token: status and page. */
export async function tap(method: "GET" | "POST", url: string) {
  const res = await fetch(url, {
    method,
    ...(method === "POST"
      ? { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" }
      : {}),
  });
  return { status: res.status, headers: res.headers, page: await res.text() };
}
