import { describe, expect, it } from "vitest";
import {
  checkPatientLink,
  linkKeyRing,
  PATIENT_LINK_PATTERN,
  patientLinkUrl,
  readPatientLink,
  signPatientLink,
} from "../../shared/domain/patient-link.js";

const START = "2026-12-08T15:00:00.000Z";
const BEFORE = "2026-12-07T15:00:00.000Z";
const OLD = linkKeyRing(["the-key-before-rotation-0123456789abcdef"]);
const ROTATED = linkKeyRing(["the-key-after-rotation-0123456789abcdef", OLD.current.secret]);
const link = (keys = OLD, action: "confirm" | "cancel" = "confirm", appointmentId = "apt-1") =>
  signPatientLink({ keys, action, appointmentId, start: START });
const check = (token: string, keys = OLD, action: "confirm" | "cancel" = "confirm", now = BEFORE) => {
  const read = readPatientLink(token);
  return read ? checkPatientLink(read, action, keys, now) : "malformed";
};

describe("patient links", () => {
  it("carry a key id, the appointment id, an expiry and a signature: no name, address or readable date", () => {
    const token = link();
    expect(token).toMatch(PATIENT_LINK_PATTERN);
    const [keyId, id, expiry] = token.split(".");
    expect(keyId).toBe(OLD.current.id);
    expect(id).toBe("apt-1");
    expect(new Date(Number(expiry) * 1000).toISOString()).toBe(START);
    expect(token).not.toMatch(/2026|12-08/);
    expect(patientLinkUrl("https://api.example/", "cancel", token)).toBe(
      `https://api.example/visit/${token}/cancel`,
    );
  });

  it("hold for their action and appointment until the start, and not a moment after", () => {
    expect(check(link())).toBeUndefined();
    expect(check(link(), OLD, "confirm", "2026-12-08T14:59:59.999Z")).toBeUndefined();
    expect(check(link(), OLD, "confirm", START)).toBe("expired");
  });

  it("refuse a Confirm link used to cancel, an edited id or expiry, and a changed signature", () => {
    const token = link();
    const [keyId, , expiry, signature] = token.split(".") as [string, string, string, string];
    expect(check(token, OLD, "cancel")).toBe("forged");
    expect(check(`${keyId}.apt-2.${expiry}.${signature}`)).toBe("forged");
    expect(check(`${keyId}.apt-1.${Number(expiry) + 86_400}.${signature}`)).toBe("forged");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect(check(`${keyId}.apt-1.${expiry}.${flipped}`)).toBe("forged");
  });

  it("after a rotation, accept links signed with the previous key and sign new ones with the new key", () => {
    expect(check(link(OLD), ROTATED)).toBeUndefined();
    expect(link(ROTATED).split(".")[0]).toBe(ROTATED.current.id);
    expect(ROTATED.current.id).not.toBe(OLD.current.id);
    // A second rotation retires the first key: its links are no longer ours.
    const twice = linkKeyRing(["a-third-key-0123456789abcdef0123456789", ROTATED.current.secret]);
    expect(check(link(OLD), twice)).toBe("unknown-key");
    expect(check(link(ROTATED), twice)).toBeUndefined();
  });

  it("read nothing that is not shaped like a link", () => {
    for (const bad of ["", "x", `${link()}x`, "abcdefgh.apt.99999999999.AAAAAAAAAAAAAAAAAAAAAA", "%00"]) {
      expect(readPatientLink(bad), bad).toBeUndefined();
    }
    expect(() => linkKeyRing([" ", ""])).toThrow(/no patient-link signing key/);
  });
});
