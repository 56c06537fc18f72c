import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FUNCTION_NAMES } from "../../bench/cold-start.js";

describe("the benchmark's function list", () => {
  it("has every Lambda entry in functions/, so a new function gets its bundle and cold-start budgets", () => {
    const entries = readdirSync(fileURLToPath(new URL("../../functions/", import.meta.url)))
      .filter((file) => file.endsWith(".ts"))
      .map((file) => file.replace(/\.ts$/, ""));
    expect([...FUNCTION_NAMES].sort()).toEqual(entries.sort());
  });
});
