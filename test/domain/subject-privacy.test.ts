import { describe, expect, it } from "vitest";
import { CONFUSABLES_BY_PROTOTYPE } from "../../shared/domain/confusable-letters.js";
import { RuleViolation } from "../../shared/domain/errors.js";
import { assertPrivateSubjectName, findRevealingTerm } from "../../shared/domain/subject-privacy.js";
import { groupedByPrototype, latinConfusables } from "../support/confusables-source.js";

/** Names a clinic might give its email subjects, with the term each reads as. */
const REFUSED: [string, string][] = [
  ["Ketamin Klinik Berlin", "ketamine"],
  ["Ketamine Wellness Center", "ketamine"],
  ["Clínica Ketamina Madrid", "ketamine"],
  ["Esketamin Praxis", "ketamine"],
  ["Esketamine Care", "ketamine"],
  ["Centre de kétamine", "ketamine"],
  ["Clínica Cetamina Lisboa", "cetamina"],
  ["K3tamine Clinic", "ketamine"],
  ["Ket-amine Health", "ketamine"],
  ["K e t a m i n e", "ketamine"],
  ["KETAMINE", "ketamine"],
  ["ketamineclinic", "ketamine"],
  ["Кetamine Clinic (Cyrillic К)", "ketamine"],
  ["Кетamine (Cyrillic е, т)", "ketamine"],
  ["Ｋｅｔａｍｉｎｅ (full width)", "ketamine"],
  ["𝐊𝐞𝐭𝐚𝐦𝐢𝐧𝐞 (mathematical bold)", "ketamine"],
  ["Keta\u200Bmine (zero width)", "ketamine"],
  ["Ketarnine (rn for m)", "ketamine"],
  ["Ket@m1ne", "ketamine"],
  ["Spravato Center", "spravato"],
  ["Ketalar Lounge", "ketalar"],
  ["Psilocybin Retreat", "psilocybin"],
  ["Psilocibina Terapia", "psilocibina"],
  ["MDMA Therapy Group", "MDMA"],
  ["M.D.M.A. Partners", "MDMA"],
  ["LSD Studies", "LSD"],
  ["Psychedelic Medicine Co", "psychedelic"],
  ["Springfield Infusion Center", "infusion"],
  ["Infusión Clínica", "infusion"],
  ["IV Lounge", "IV"],
  ["I.V. Therapy Bar", "IV"],
  ["KAP Collective", "KAP"],
  ["REMS Ready Clinic", "REMS"],
  ["Neuropsychiatry Associates", "psychiatry"],
  ["Harbor Psychotherapy", "psychotherapy"],
  ["Psych Partners", "psych-"],
  ["Centro de Psiquiatría", "psiquiatría"],
  ["Depression Relief Center", "depression"],
  ["Centro de Depresión", "depression"],
  ["Anxiety & Mood Clinic", "anxiety"],
  ["PTSD Recovery", "PTSD"],
  ["TMS Brain Health", "TMS"],
  ["Mental Health Partners", "mental health"],
  ["Salud Mental Sevilla", "mental health"],
  ["Suizidprävention Köln", "Suizid"],
  ["Bipolar Care Network", "bipolar"],
  ["Addiction Recovery Center", "addiction"],
  ["Nasal Spray Clinic", "nasal spray"],
  ["Anesthesia Partners", "anesthesia"],
  ["IVInfusion Bar", "infusion"],
  ["IV-Bar", "IV"],
];

/** Neutral names, some of them close to a term. */
const ALLOWED = [
  "Harbor Wellness",
  "Riverside Wellness Clinic",
  "Kaplan Family Practice",
  "Remsen Street Clinic",
  "Ivy Medical Group",
  "Imperial Health",
  "St. Ives Clinic",
  "Wellsdale Medical",
  "Side Press Studio",
  "Keta Wellness",
  "Ketchum Family Clinic",
  "Dr. Imani's Practice",
  "Lakeview Health Partners",
  "Cedar Grove Medical",
  "Northside Family Medicine",
  "Sunrise Care",
  "Trinity Health",
  "Oak Street Practice",
  "Bright Horizons",
  "Praxis am Markt",
  "Clínica San Rafael",
  "Centre Médical du Parc",
  "Zoë & Nguyễn Associates",
  "Summit Clinic 24",
  "Your clinic",
];

describe("subject names that give the treatment away", () => {
  it(`has a list to test of ${REFUSED.length} refused and ${ALLOWED.length} allowed names`, () => {
    expect(REFUSED.length + ALLOWED.length).toBeGreaterThanOrEqual(50);
  });

  it.each(REFUSED)("refuses %s: it reads as %s", (name, reads) => {
    expect(findRevealingTerm(name)?.reads).toBe(reads);
  });

  it.each(ALLOWED)("allows %s", (name) => {
    expect(findRevealingTerm(name)).toBeUndefined();
  });

  it("refuses with a 422 rule naming the field and the term", () => {
    let error: unknown;
    try {
      assertPrivateSubjectName("Ketamin Klinik Berlin");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ field: "subjectName", code: "subject-name-reveals-treatment" });
    expect((error as Error).message).toContain('reads as "ketamine" (a drug)');
    expect(() => assertPrivateSubjectName(undefined)).not.toThrow();
    expect(() => assertPrivateSubjectName("Harbor Wellness")).not.toThrow();
  });
});

describe("the confusables table", () => {
  it("is the unhomoglyph package's UTS #39 data, for characters whose prototype is ASCII", () => {
    expect(CONFUSABLES_BY_PROTOTYPE).toEqual(groupedByPrototype(latinConfusables()));
    expect(CONFUSABLES_BY_PROTOTYPE.k).toContain("\u041A"); // Cyrillic К
    expect(CONFUSABLES_BY_PROTOTYPE.rn).toContain("m");
  });
});
