import { describe, expect, it } from "vitest";
import { type ApiHarness, apiHarness, newPatient } from "../support/api-harness.js";

async function register(api: ApiHarness, firstName: string, lastName: string, email: string) {
  const res = await api.call("POST", "/patients", newPatient({ firstName, lastName, email }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const names = (body: { patients: { firstName: string; lastName: string }[] }) =>
  body.patients.map((p) => `${p.lastName}, ${p.firstName}`);

async function search(api: ApiHarness, query: string, role: "staff" | "clinician" | "admin" = "staff") {
  return api.call("GET", `/patients?${query}`, undefined, { role });
}

describe("finding a patient at the front desk", () => {
  it('finds by the start of "last name, first name", ignoring case, accents and punctuation', async () => {
    const api = await apiHarness();
    await register(api, "María", "García", "maria@example.com");
    await register(api, "Ana", "García Márquez", "ana@example.com");
    await register(api, "Luis", "Garcíaz", "luis@example.com");
    await register(api, "Seán", "O'Brien", "sean@example.com");
    await register(api, "Alex", "Rivera", "alex@example.com");

    const garcia = await search(api, "name=garcia", "clinician");
    expect(garcia.status).toBe(200);
    expect(names(garcia.body)).toEqual(["García, María", "García Márquez, Ana", "Garcíaz, Luis"]);
    expect(garcia.body.more).toBe(false);

    expect(names((await search(api, `name=${encodeURIComponent("GARCÍA, Mar")}`)).body)).toEqual([
      "García, María",
      "García Márquez, Ana",
    ]);
    expect(names((await search(api, `name=${encodeURIComponent("garcia marq")}`)).body)).toEqual([
      "García Márquez, Ana",
    ]);
    expect(names((await search(api, "name=obrien")).body)).toEqual(["O'Brien, Seán"]);
    expect(names((await search(api, `name=${encodeURIComponent("o'brien, sean")}`)).body)).toEqual([
      "O'Brien, Seán",
    ]);
    expect((await search(api, "name=maria")).body.patients).toEqual([]);
  });

  it("answers with the patient as GET /patients/{id} does, and nothing of how it is stored", async () => {
    const api = await apiHarness();
    const id = await register(api, "Alex", "Rivera", "alex@example.com");
    const found = await search(api, "name=rivera");
    const one = await api.call("GET", `/patients/${id}`);
    expect(found.body.patients).toEqual([one.body]);
    expect(Object.keys(found.body.patients[0]).filter((k) => /gsi|pk|sk|token|type/i.test(k))).toEqual([]);
  });

  it("finds by the whole email address, in any case, every patient who shares it", async () => {
    const api = await apiHarness();
    await register(api, "Sam", "Lee", "family@example.com");
    await register(api, "Jo", "Lee", "Family@Example.com");
    await register(api, "Kim", "Park", "kim@example.com");
    const found = await search(api, `email=${encodeURIComponent("FAMILY@example.COM")}`);
    expect(found.status).toBe(200);
    expect(names(found.body)).toEqual(["Lee, Jo", "Lee, Sam"]);
    expect((await search(api, "email=nobody%40example.com")).body).toEqual({ patients: [], more: false });
  });

  it("finds by phone number however it is written, and leaves out patients without one", async () => {
    const api = await apiHarness();
    const call = (first: string, last: string, phone?: string) =>
      api.call(
        "POST",
        "/patients",
        newPatient({ firstName: first, lastName: last, ...(phone ? { phone } : {}) }),
      );
    expect((await call("Sam", "Lee", "+1 (555) 123-4567")).status).toBe(201);
    expect((await call("Jo", "Lee", "555-123-4567")).status).toBe(201);
    expect((await call("Ana", "Park", "+44 20 7946 0958")).status).toBe(201);
    expect((await call("Kim", "Cho")).status).toBe(201);
    const caller = await search(api, `phone=${encodeURIComponent("15551234567")}`);
    expect(caller.status).toBe(200);
    expect(names(caller.body)).toEqual(["Lee, Jo", "Lee, Sam"]);
    expect(names((await search(api, `phone=${encodeURIComponent("020 7946 0958")}`)).body)).toEqual([
      "Park, Ana",
    ]);
    expect((await search(api, "phone=5551234568")).body.patients).toEqual([]);
  });

  it("follows a change of name, phone or email at once", async () => {
    const api = await apiHarness();
    const id = await register(api, "Alex", "Rivera", "alex@example.com");
    const patched = await api.call("PATCH", `/patients/${id}`, {
      lastName: "Okafor",
      email: "alex.okafor@example.com",
      phone: "555 010 0999",
    });
    expect(patched.status).toBe(200);
    expect((await search(api, "name=rivera")).body.patients).toEqual([]);
    expect((await search(api, "email=alex%40example.com")).body.patients).toEqual([]);
    expect((await search(api, "name=okafor")).body.patients.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await search(api, "email=alex.okafor%40example.com")).body.patients[0].version).toBe(2);
    expect((await search(api, "phone=5550100999")).body.patients[0].lastName).toBe("Okafor");
  });

  it("returns at most `limit` patients and says when more match", async () => {
    const api = await apiHarness();
    for (const first of ["Ada", "Bo", "Cy", "Di"])
      await register(api, first, "Smith", `${first}@example.com`);
    const page = await search(api, "name=smith&limit=3");
    expect(names(page.body)).toEqual(["Smith, Ada", "Smith, Bo", "Smith, Cy"]);
    expect(page.body.more).toBe(true);
    const all = await search(api, "name=smith&limit=4");
    expect(all.body.patients).toHaveLength(4);
    expect(all.body.more).toBe(false);
  });

  it.each([
    ["", "query.name", "give a name, a phone number or an email"],
    ["name=rivera&email=a%40example.com", "query.email", "not several"],
    ["phone=555-0100&name=rivera", "query.phone", "not several"],
    ["phone=call%20me", "query.phone", "digits"],
    ["name=%20%2C-", "query.name", "letter or a digit"],
    ["email=rivera", "query.email", "valid email"],
    ["name=rivera&limit=0", "query.limit", ""],
    ["name=rivera&limit=51", "query.limit", ""],
    ["name=rivera&limit=1000", "query.limit", "50"],
    ["name=rivera&limit=ten", "query.limit", "whole number"],
    ["name=rivera&surname=x", "query.surname", "not a known field"],
    ["name=a&name=b", "query.name", ""],
  ])("answers 400 naming the field for ?%s", async (query, path, message) => {
    const api = await apiHarness();
    const res = await search(api, query);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const error = res.body.errors.find((e: { path: string }) => e.path === path);
    expect(error, JSON.stringify(res.body.errors)).toBeDefined();
    expect(error.message).toContain(message);
  });

  it("asks for a token", async () => {
    const api = await apiHarness();
    expect((await api.call("GET", "/patients?name=rivera", undefined, { role: "none" })).status).toBe(401);
  });
});
