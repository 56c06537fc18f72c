import { describe, expect, it } from "vitest";
import { revised } from "../../shared/domain/revision.js";

describe("revised", () => {
  it("applies the changes one version on, stamped with the time, and leaves the record read untouched", () => {
    const read = { id: "p1", emailStatus: "bounced", version: 4, updatedAt: "2026-11-01T10:00:00.000Z" };
    const next = revised(read, { emailStatus: "ok" }, "2026-11-29T19:00:00.000Z");
    expect(next).toEqual({ id: "p1", emailStatus: "ok", version: 5, updatedAt: "2026-11-29T19:00:00.000Z" });
    expect(read).toEqual({
      id: "p1",
      emailStatus: "bounced",
      version: 4,
      updatedAt: "2026-11-01T10:00:00.000Z",
    });
  });

  it("takes neither the version nor the time from the changes", () => {
    const read = { version: 2, updatedAt: "2026-11-01T10:00:00.000Z" };
    const next = revised(
      read,
      { version: 9, updatedAt: "1999-01-01T00:00:00.000Z" },
      "2026-11-29T19:00:00.000Z",
    );
    expect(next).toEqual({ version: 3, updatedAt: "2026-11-29T19:00:00.000Z" });
  });
});
