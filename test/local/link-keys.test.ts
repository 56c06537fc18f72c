import { describe, expect, it } from "vitest";
import { localLinkKeys } from "../../local/link-keys.js";
import { tempDir } from "../support/temp-dir.js";

describe("patient-link keys in local mode", () => {
  it("takes PATIENT_LINK_KEYS, current first, as while rotating", () => {
    expect(localLinkKeys(undefined, " new-key , old-key ")).toEqual(["new-key", "old-key"]);
  });

  it("otherwise makes a key on first start and keeps it in the data directory, so links survive a restart", async () => {
    const dir = await tempDir();
    try {
      const first = localLinkKeys(dir.path, undefined);
      expect(first).toHaveLength(1);
      expect(first[0]!.length).toBeGreaterThanOrEqual(40);
      expect(localLinkKeys(dir.path, "")).toEqual(first);
    } finally {
      await dir.remove();
    }
  });

  it("in memory, a new random key per run", () => {
    expect(localLinkKeys(undefined, undefined)).not.toEqual(localLinkKeys(undefined, undefined));
  });
});
