/**
 * One search box for the three ways a front desk finds a patient: an "@" means an email address, a
 * string of digits and phone punctuation a phone number (a caller ID will do), anything else the start of
 * "last name, first name".
 */
export type PatientQuery = { email: string } | { phone: string } | { name: string };

export function patientQuery(term: string): PatientQuery | undefined {
  const t = term.trim();
  if (!t) return undefined;
  if (t.includes("@")) return { email: t };
  if (/^[0-9 +\-().]+$/.test(t) && (t.match(/\d/g)?.length ?? 0) >= 3)
    return { phone: t.replaceAll(".", " ") };
  return { name: t };
}
