import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type ApiHarness, apiHarness } from "../support/api-harness.js";

/** PUT /clinic: the name for subjects is a setting of its own, refused when it gives the treatment away. */
describe("the clinic's subjectName", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  const put = (settings: object) =>
    api.call("PUT", "/clinic", { ...DEFAULT_CLINIC, ...settings }, { role: "admin" });

  it.each([
    ["Ketamin Klinik Berlin", "ketamine"],
    ["Кetamine Care", "ketamine"],
    ["K3t-amine", "ketamine"],
    ["Psilocybin Retreat", "psilocybin"],
    ["M.D.M.A. Partners", "MDMA"],
  ])("refuses %s with a 422 naming the field and the word, and saves nothing", async (subjectName, word) => {
    const before = await api.allItems();
    const res = await put({ subjectName });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].path).toBe("subjectName");
    expect(res.body.errors[0].message).toContain(`"${word}"`);
    expect(await api.allItems()).toEqual(before);
  });

  it("saves a neutral one, which GET /clinic returns; a clinic named for its treatment may still save", async () => {
    const res = await put({ name: "Ketamine Wellness Center", subjectName: "Harbor Wellness" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await api.call("GET", "/clinic")).body).toMatchObject({
      name: "Ketamine Wellness Center",
      subjectName: "Harbor Wellness",
    });
    expect((await put({ name: "Ketamine Wellness Center" })).status).toBe(200);
  });
});
