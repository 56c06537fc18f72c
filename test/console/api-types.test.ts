import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "../../console/tooling/api-types.js";

describe("the console's API client", () => {
  it("is typed from the OpenAPI document the API serves now (run `npm run console:api-types` after a change)", async () => {
    const generated = (await generateApiTypes()).split("\n");
    const checkedIn = readFileSync(API_TYPES_FILE, "utf8").split("\n");
    const firstDifference = generated.findIndex((line, i) => line !== checkedIn[i]);
    // The first line that differs, rather than two 60 KB strings side by side.
    expect(
      firstDifference === -1 && generated.length === checkedIn.length
        ? "same"
        : `line ${firstDifference + 1}: generated ${JSON.stringify(generated[firstDifference])}, checked in ${JSON.stringify(checkedIn[firstDifference])}`,
    ).toBe("same");
  }, 60_000);
});
