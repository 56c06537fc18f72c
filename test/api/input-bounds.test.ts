import { beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, apiHarness, newPatient } from "../support/api-harness.js";

/** The requests of issue 19 that reached the store or were silently changed: now each is a 4xx naming its field. */
describe("bounded input, checked before any store call", () => {
  let api: ApiHarness;
  let patientId: string;
  beforeAll(async () => {
    api = await apiHarness();
    patientId = (await api.call("POST", "/patients", newPatient())).body.id;
  });

  const fieldsAtFault = (body: { errors?: { path: string }[] }) => body.errors?.map((e) => e.path);

  it.each([
    ["/appointments?from=9999-12-30&to=9999-12-31", ["query.from", "query.to"]],
    ["/availability?service=consultation&from=9999-12-30&to=9999-12-31", ["query.from", "query.to"]],
    ["/availability?service=kap&from=0001-01-01&to=0001-01-02", ["query.from", "query.to"]],
  ])("GET %s is a 400 naming the dates", async (url, fields) => {
    const before = await api.allItems();
    const res = await api.call("GET", url);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(fieldsAtFault(res.body)).toEqual(fields);
    expect(await api.allItems()).toEqual(before);
  });

  it.each([
    ["an offset no zone has", "2026-12-07T10:00:00+14:59"],
    ["digits below the millisecond", "2026-12-07T10:00:00.0000001-05:00"],
    ["a year the system does not plan in", "9999-12-31T10:00:00Z"],
  ])("a start with %s is a 400 naming `start`, and books nothing", async (_, start) => {
    const before = await api.allItems();
    const res = await api.call("POST", "/appointments", { patientId, service: "consultation", start });
    expect(res.status).toBe(400);
    expect(fieldsAtFault(res.body)).toEqual(["start"]);
    expect(await api.allItems()).toEqual(before);
  });

  it("a name with a zero-width or direction mark is a 400, so it never reaches an email", async () => {
    for (const firstName of ["Jo\u200Bhn", "\u202Enhoj", "John\u200E"]) {
      const res = await api.call("PATCH", `/patients/${patientId}`, { firstName });
      expect(res.status).toBe(400);
      expect(fieldsAtFault(res.body)).toEqual(["firstName"]);
    }
  });

  it("an id too long for a key is a 400 on every route that takes one, not a 500", async () => {
    const long = "a".repeat(2_100);
    for (const [method, path] of [
      ["GET", `/patients/${long}`],
      ["GET", `/appointments/${long}`],
      ["POST", `/appointments/${long}/cancel`],
      ["GET", `/series/${long}`],
    ] as const) {
      const res = await api.call(method, path, method === "POST" ? {} : undefined);
      expect(res.status, `${method} ${path.slice(0, 30)}`).toBe(400);
      expect(fieldsAtFault(res.body)).toEqual(["path.id"]);
    }
  });
});
