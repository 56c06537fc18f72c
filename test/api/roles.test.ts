import { describe, expect, it } from "vitest";
import { parseGroups } from "../../shared/http/roles.js";

describe("cognito:groups", () => {
  it.each([
    [
      ["admin", "staff"],
      ["admin", "staff"],
    ],
    [["clinician"], ["clinician"]],
    ["[admin staff]", ["admin", "staff"]],
    ["[clinician]", ["clinician"]],
    ["[ staff  clinician ]", ["staff", "clinician"]],
    ["[interns\tstaff]", ["staff"]],
  ])("reads exact group names from an array or API Gateway's [a b] form: %j", (claim, roles) => {
    expect(new Set(parseGroups(claim))).toEqual(new Set(roles));
  });

  it.each([
    "x,admin",
    "[interns,admin]",
    "admin,staff",
    "[admin,staff]",
    "admin",
    "[admin",
    "admin]",
    "[[admin]]",
    "[Admin]",
    "[admin-team]",
    "[ admin\u200B ]",
    '["admin"]',
    "",
    "[]",
  ])("grants nothing from a string that is not [a b] of exact names: %j", (claim) => {
    expect(parseGroups(claim)).toEqual([]);
  });

  it.each([
    [["x,admin"]],
    [["[admin]"]],
    [[" admin"]],
    [["Admin", "STAFF"]],
    [[["admin"]]],
    [[{ name: "admin" }]],
    [42],
    [null],
    [undefined],
    [{ admin: true }],
  ])("grants nothing from an array entry that is not an exact name, or from another type: %j", (claim) => {
    expect(parseGroups(claim)).toEqual([]);
  });
});
