/**
 * The groups the OpenAPI document sorts operations into, each with the description readers see. A route's
 * tags must be keys of this map, so a new group cannot appear in the document undescribed.
 */
export const API_TAGS = {
  clinic: "The clinic's settings (hours, chairs, offices, the name emails use) and its protocols.",
  patients: "Patients: registration, corrections, search, and their appointments.",
  appointments: "Single appointments: availability, booking, changes, and what a clinician records.",
  series: "Treatment series planned and booked whole, within the protocol's spacing.",
  staff: "The clinic's people: who prescribes, nurses and guides sessions, and when they work.",
  agenda: "The clinic's day: every chair and office with who sits in it when.",
  "patient-pages": "HTML pages patients open from an email, without logging in; the link is the credential.",
  audit: "The audit trail: who read or changed which patient's data, when, and how it ended.",
  service: "The health probe and this document.",
  local:
    "Local mode only (`npm start`): the clock everything reads, and the stand-ins for dead-letter queues.",
} as const;

export type ApiTag = keyof typeof API_TAGS;
