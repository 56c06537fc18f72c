import { beforeAll, describe, expect, it } from "vitest";
import { UNSUBSCRIBE_LINK_DAYS, unsubscribeToken } from "../../shared/domain/unsubscribe-token.js";
import { type ApiHarness, apiHarness, newPatient } from "../support/api-harness.js";

const DAY_MS = 86_400_000;

/**
 * The booster invitation's opt-out link: it works for 90 days, only for the address it was sent to, and
 * for mail clients' RFC 8058 one-click POST; anything else shows "not recognised" and writes nothing.
 */
describe("unsubscribe links", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });

  /** A patient and the link a booster invitation would carry, issued `daysAgo` days before now. */
  async function patientWithLink(email: string, daysAgo = 0) {
    const patient = (await api.call("POST", "/patients", newPatient({ email }))).body;
    const secret = (await api.store.unsubscribeToken(patient.id)) as string;
    const issuedAt = new Date(api.clock.now().getTime() - daysAgo * DAY_MS);
    const token = unsubscribeToken({ patientId: patient.id, email, secret, issuedAt });
    return { id: patient.id as string, secret, token };
  }
  const optedOut = async (id: string) => (await api.call("GET", `/patients/${id}`)).body.boosterOptOut;

  /** Asks for the page and presses its button; a refused link writes nothing. */
  async function expectRefused(token: string) {
    const before = await api.allItems();
    for (const method of ["GET", "POST"]) {
      const res = await api.call(method, `/unsubscribe/${token}`, undefined, { role: "none" });
      expect(res.status, `${method} ${token.slice(0, 80)}`).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.body).toContain("not valid");
    }
    expect(await api.allItems()).toEqual(before);
  }

  it("shows a button on GET and changes nothing; the POST stops booster invitations", async () => {
    const { id, token } = await patientWithLink("fresh@example.com");
    const page = await api.call("GET", `/unsubscribe/${token}`, undefined, { role: "none" });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`action="/unsubscribe/${token}"`);
    expect(await optedOut(id)).toBeUndefined();
    const done = await api.call("POST", `/unsubscribe/${token}`, undefined, { role: "none" });
    expect(done.status).toBe(200);
    expect(await optedOut(id)).toBe(true);
  });

  it("serves a mail client's RFC 8058 one-click POST", async () => {
    const { id, token } = await patientWithLink("one-click@example.com", UNSUBSCRIBE_LINK_DAYS);
    const res = await api.call("POST", `/unsubscribe/${token}`, undefined, {
      role: "none",
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    expect(await optedOut(id)).toBe(true);
  });

  it(`expires ${UNSUBSCRIBE_LINK_DAYS} days after it was issued`, async () => {
    const { token } = await patientWithLink("old@example.com", UNSUBSCRIBE_LINK_DAYS + 1);
    await expectRefused(token);
  });

  it("stops working when the patient's address changes; a link for the new address works", async () => {
    const { id, secret, token } = await patientWithLink("before@example.com");
    expect((await api.call("PATCH", `/patients/${id}`, { email: "after@example.com" })).status).toBe(200);
    await expectRefused(token);
    const renewed = unsubscribeToken({
      patientId: id,
      email: "after@example.com",
      secret,
      issuedAt: api.clock.now(),
    });
    expect((await api.call("POST", `/unsubscribe/${renewed}`, undefined, { role: "none" })).status).toBe(200);
  });

  it("refuses a forged, moved, future-dated or old-format link, and one too long for a key", async () => {
    const { id, secret, token } = await patientWithLink("forged@example.com");
    const other = await patientWithLink("other@example.com");
    const [, day, signature] = token.split(".") as [string, string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const tomorrow = unsubscribeToken({
      patientId: id,
      email: "forged@example.com",
      secret,
      issuedAt: new Date(api.clock.now().getTime() + DAY_MS),
    });
    for (const bad of [
      `${id}.${day}.${flipped}`,
      `${other.id}.${day}.${signature}`,
      `${id}.${Number(day) - 1}.${signature}`,
      tomorrow,
      `${id}.${secret}`,
      `${"a".repeat(2_100)}.x`,
      `${id}.${day}.${signature}x`,
      "%00",
    ]) {
      await expectRefused(bad);
    }
  });
});
