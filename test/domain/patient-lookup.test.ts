import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldName, nameSearchPrefix, patientNameKey, phoneKey } from "../../shared/domain/patient-lookup.js";

describe("folding a name for search", () => {
  it.each([
    ["García", "garcia"],
    ["MÁRQUEZ", "marquez"],
    ["O'Brien", "obrien"],
    ["O’Brien", "obrien"],
    ["Smith-Jones", "smith jones"],
    ["  van   der Berg ", "van der berg"],
    ["Nguyễn", "nguyen"],
    ["Øster", "øster"],
  ])("%s folds to %s", (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it("keys a patient by last name, then first name", () => {
    expect(patientNameKey({ firstName: "María José", lastName: "García Márquez" })).toBe(
      "garcia marquez maria jose",
    );
  });

  it('reads "Last, First" the way the key is written', () => {
    expect(nameSearchPrefix("García, Mar")).toBe("garcia mar");
    expect(nameSearchPrefix("  ,  ")).toBe("");
  });

  it("sorts keys the way a patient list is sorted", () => {
    const keys = [
      patientNameKey({ lastName: "Garciaz", firstName: "Ana" }),
      patientNameKey({ lastName: "García Márquez", firstName: "Ana" }),
      patientNameKey({ lastName: "Garcia", firstName: "María" }),
    ].sort();
    expect(keys).toEqual(["garcia maria", "garcia marquez ana", "garciaz ana"]);
  });

  it("finds every patient by any start of how the front desk would write their name", () => {
    const name = fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(name, name, fc.nat(), (firstName, lastName, cut) => {
        const key = patientNameKey({ firstName, lastName });
        const typed = `${lastName}, ${firstName}`;
        const prefix = nameSearchPrefix(typed.slice(0, 1 + (cut % typed.length)));
        // A cut inside a word folds to a prefix of the key; folding is idempotent, so stored and typed agree.
        expect(key.startsWith(prefix.trimEnd())).toBe(true);
        expect(foldName(foldName(typed))).toBe(foldName(typed));
      }),
    );
  });
});

describe("the digits a phone number is found by", () => {
  it.each([
    ["+1 (555) 123-4567", "5551234567"],
    ["555.123.4567", "5551234567"],
    ["+44 20 7946 0958", "2079460958"],
    ["020 7946 0958", "2079460958"],
    ["112", "112"],
  ])("%s is found by %s", (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
  });
});
