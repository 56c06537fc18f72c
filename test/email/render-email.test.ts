import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { clinicProtocol } from "../../shared/domain/protocol-catalogue.js";
import { type EmailInput, findForbiddenWord, renderEmail } from "../../shared/email/index.js";
import { clinic, eventValue, icsEvents, icsLines, icsValues, patient } from "./email-fixtures.js";

const iv = clinicProtocol(clinic, "iv-ketamine");
const esketamine = clinicProtocol(clinic, "esketamine");
const icsTime = (iso: string) => DateTime.fromISO(iso, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");

const session = (id: string, start: string, sequence: number) => ({
  id,
  start,
  end: DateTime.fromISO(start, { zone: "utc" }).plus({ hours: 2 }).toISO()!,
  sequence,
});
const first = session("apt_1", "2026-12-01T15:00:00.000Z", 1);
const series = [
  first,
  session("apt_2", "2026-12-03T15:00:00.000Z", 2),
  session("apt_3", "2026-12-07T15:00:00.000Z", 3),
];

const base: EmailInput = {
  kind: "confirmation",
  clinic,
  patient,
  appointment: { id: first.id, service: "iv-ketamine", start: first.start, end: first.end, sequence: 1 },
  protocol: iv,
};

/** What a patient must never find in any email: the drug, the staff-facing protocol name, other PHI. */
function expectNothingPrivate(email: ReturnType<typeof renderEmail>) {
  for (const part of [email.subject, email.text, email.html, ...email.attachments.map((a) => a.content)]) {
    expect(findForbiddenWord(part)).toBeUndefined();
    expect(part).not.toContain(iv.name);
    expect(part).not.toContain(patient.lastName);
    expect(part).not.toContain(patient.email);
    expect(part).not.toContain(patient.phone);
  }
}

function expectClinicContact(email: ReturnType<typeof renderEmail>) {
  for (const part of [email.text, email.html]) {
    expect(part).toContain(clinic.name);
    expect(part).toContain(clinic.address);
    expect(part).toContain(clinic.phone);
  }
}

describe("confirmation", () => {
  it("tells a patient when and where, and attaches one calendar event", () => {
    const email = renderEmail(base);
    expect(email.subject).toBe("Riverside Wellness Clinic: appointment confirmed for Tue 1 Dec");
    expect(email.text).toContain("Hello Ann,");
    expect(email.text).toContain("Tuesday, 1 December 2026 at 10:00 AM EST");
    expect(email.text).toContain("Please arrive by: 9:45 AM EST");
    expect(email.text).toContain(`please call us on ${clinic.phone}`);
    expectClinicContact(email);
    expectNothingPrivate(email);

    expect(email.attachments).toHaveLength(1);
    const ics = email.attachments[0]!;
    expect(ics.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(icsValues(ics.content, "METHOD")).toEqual(["REQUEST"]);
    const events = icsEvents(ics.content);
    expect(events).toHaveLength(1);
    expect(eventValue(events[0]!, "UID")).toBe("apt_1@clinic-scheduler");
    expect(eventValue(events[0]!, "DTSTART")).toBe(icsTime(first.start));
    expect(eventValue(events[0]!, "DTEND")).toBe(icsTime(first.end));
    expect(eventValue(events[0]!, "SUMMARY")).toBe("Appointment at Riverside Wellness Clinic");
    expect(eventValue(events[0]!, "LOCATION")).toBe(clinic.address.replace(/,/g, "\\,"));
    expect(icsLines(ics.content)).toContain(
      'ORGANIZER;CN="Riverside Wellness Clinic":MAILTO:no-reply@clinic-scheduler.invalid',
    );
  });

  it("lists every session of a series, numbered, and puts them all in one calendar file", () => {
    const email = renderEmail({ ...base, sessions: [series[2]!, series[0]!, series[1]!] });
    expect(email.subject).toBe(
      "Riverside Wellness Clinic: your appointments are confirmed, starting Tue 1 Dec",
    );
    expect(email.text).toContain("Your 3 treatment sessions are booked");
    expect(email.text).toContain("1. Tuesday, 1 December 2026 at 10:00 AM EST");
    expect(email.text).toContain("2. Thursday, 3 December 2026 at 10:00 AM EST");
    expect(email.text).toContain("3. Monday, 7 December 2026 at 10:00 AM EST");
    expect(email.html).toMatch(/<ol[^>]*>(?:.*?<li[^>]*>.*?<\/li>){3}<\/ol>/s);
    expectNothingPrivate(email);

    const events = icsEvents(email.attachments[0]!.content);
    expect(events.map((e) => eventValue(e, "DTSTART"))).toEqual(series.map((s) => icsTime(s.start)));
    expect(events.map((e) => eventValue(e, "UID"))).toEqual(series.map((s) => `${s.id}@clinic-scheduler`));
  });

  it("calls a consultation a consultation and promises no fasting instructions", () => {
    const email = renderEmail({
      ...base,
      protocol: undefined,
      appointment: { ...base.appointment, service: "consultation", end: "2026-12-01T16:00:00.000Z" },
    });
    expect(email.text).toContain("Your consultation is booked.");
    expect(email.text).toContain("About 1 hour");
    expect(email.text).not.toContain("stop eating");
  });
});

describe("preparation", () => {
  it("gives the fasting cut-offs, arrival and transport rule as local clock times", () => {
    const email = renderEmail({ ...base, kind: "preparation" });
    expect(email.subject).toBe("Riverside Wellness Clinic: getting ready for your visit on Tue 1 Dec");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("No solid food after 4:00 AM.");
      expect(part).toContain(
        "Clear liquids only (water, apple juice, black coffee or tea without milk) until 8:00 AM.",
      );
      expect(part).toContain("9:45 AM EST");
      expect(part).toContain("responsible adult to take you home");
      expect(part).toContain("Do not drive until the next day.");
    }
    for (const item of [...iv.instructions.bring, ...iv.instructions.notes]) {
      expect(email.text).toContain(item);
    }
    expect(email.attachments).toEqual([]);
    expectClinicContact(email);
    expectNothingPrivate(email);
  });

  it("for a 30-minute any-drink rule says when to stop drinking, and that driving waits for a night's sleep", () => {
    const email = renderEmail({
      ...base,
      kind: "preparation",
      protocol: esketamine,
      appointment: { ...base.appointment, service: "esketamine" },
    });
    expect(email.text).toContain("No solid food after 8:00 AM.");
    expect(email.text).toContain("Nothing to drink after 9:30 AM.");
    expect(email.text).not.toContain("Clear liquids only");
    expect(email.text).toContain("Do not drive until the next day, after a night's sleep.");
    expect(email.text).toContain("without driving");
    expect(findForbiddenWord(email.text)).toBeUndefined();
  });

  it("for a booster uses the boosted protocol's rules and a neutral name", () => {
    const email = renderEmail({
      ...base,
      kind: "preparation",
      appointment: { ...base.appointment, service: "booster" },
    });
    expect(email.text).toContain("Your follow-up session is on");
    expect(email.text).toContain("No solid food after 4:00 AM.");
  });
  it("for a booster whose protocol is unknown asks the patient to call rather than implying no rules", () => {
    const email = renderEmail({
      ...base,
      kind: "preparation",
      protocol: undefined,
      appointment: { ...base.appointment, service: "booster" },
    });
    expect(email.text).toContain(`Please call us on ${clinic.phone} before your visit`);
    expect(email.text).not.toContain("solid food");
  });
});

describe("reminder", () => {
  it("repeats the time, arrival and a short fasting and driver summary", () => {
    const email = renderEmail({ ...base, kind: "reminder" });
    expect(email.subject).toBe("Riverside Wellness Clinic: reminder of your appointment on Tue 1 Dec");
    expect(email.text).toContain("Tuesday, 1 December 2026 at 10:00 AM EST");
    expect(email.text).toContain("Please arrive by: 9:45 AM EST");
    expect(email.text).toContain("No solid food after 4:00 AM.");
    expect(email.text).toContain("responsible adult to take you home");
    expectClinicContact(email);
    expectNothingPrivate(email);
  });

  it("has no fasting summary for an integration session", () => {
    const email = renderEmail({
      ...base,
      kind: "reminder",
      protocol: undefined,
      appointment: { ...base.appointment, service: "integration" },
    });
    expect(email.text).toContain("your integration session is coming up");
    expect(email.text).not.toContain("solid food");
  });
});

describe("Confirm and Cancel links", () => {
  const links = {
    confirm: "https://api.clinic.example/visit/k.apt_1.1.s/confirm",
    cancel: "https://api.clinic.example/visit/k.apt_1.1.s/cancel",
  };

  it("a single booking's confirmation has both, and says until when cancelling online works", () => {
    const email = renderEmail({ ...base, answerLinks: links, issuedAt: "2026-11-28T15:00:00.000Z" });
    expect(email.text).toContain(`Confirm: I will be there: ${links.confirm}`);
    expect(email.text).toContain(`Cancel: I cannot come: ${links.cancel}`);
    expect(email.text).toContain("You can cancel online until Monday, 30 November 2026 at 10:00 AM EST.");
    expect(email.html).toContain(`<a href="${links.confirm}">Confirm: I will be there</a>`);
    expectNothingPrivate(email);
  });

  it("a reminder sent once online cancelling has ended says to call instead of naming a past time", () => {
    const email = renderEmail({
      ...base,
      kind: "reminder",
      answerLinks: links,
      issuedAt: "2026-11-30T15:00:00.000Z",
    });
    expect(email.text).toContain(links.cancel);
    expect(email.text).toContain(
      "It is less than 24 hours before your visit, so to cancel, please call us on +1 555 010 0100.",
    );
    expect(email.text).not.toContain("You can cancel online");
  });

  it("none without links, in a series' confirmation, or when a link is not a web address", () => {
    expect(renderEmail(base).text).not.toContain("Will you be there?");
    expect(renderEmail({ ...base, sessions: series, answerLinks: links }).text).not.toContain("/visit/");
    const bad = { ...links, cancel: "javascript:alert(1)" };
    expect(renderEmail({ ...base, answerLinks: bad }).text).not.toContain("/visit/");
  });
});

describe("booster", () => {
  it("invites the patient to call, with a link and header to stop the invitations", () => {
    const url = "https://clinic.example/unsubscribe?token=a1&x=2";
    const email = renderEmail({
      ...base,
      kind: "booster",
      appointment: { ...base.appointment, service: "iv-ketamine" },
      unsubscribeUrl: url,
    });
    expect(email.subject).toBe("Riverside Wellness Clinic: time to book your next visit");
    expect(email.text).toContain("follow-up session");
    expect(email.text).toContain(`call us on ${clinic.phone}`);
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url.replace("&", "&amp;")}"`);
    expect(email.listUnsubscribeUrl).toBe(url);
    expect(email.attachments).toEqual([]);
    expectNothingPrivate(email);
  });

  it("drops an unsubscribe link that is not a web address", () => {
    const email = renderEmail({ ...base, kind: "booster", unsubscribeUrl: "javascript:alert(1)" });
    expect(email.listUnsubscribeUrl).toBeUndefined();
    expect(email.html).not.toContain("javascript:");
  });
});

describe("cancellation", () => {
  it("says which visit was cancelled, how to rebook, and removes it from the calendar", () => {
    const email = renderEmail({ ...base, kind: "cancellation", icsSequence: 3 });
    expect(email.subject).toBe("Riverside Wellness Clinic: appointment cancelled for Tue 1 Dec");
    expect(email.text).toContain("on Tuesday, 1 December 2026 at 10:00 AM EST has been cancelled");
    expect(email.text).toContain(`please call us on ${clinic.phone}`);
    expectClinicContact(email);
    expectNothingPrivate(email);

    const ics = email.attachments[0]!;
    expect(ics.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(icsValues(ics.content, "METHOD")).toEqual(["CANCEL"]);
    const [event, ...rest] = icsEvents(ics.content);
    expect(rest).toEqual([]);
    expect(eventValue(event!, "UID")).toBe("apt_1@clinic-scheduler");
    expect(eventValue(event!, "STATUS")).toBe("CANCELLED");
    expect(eventValue(event!, "SEQUENCE")).toBe("3");
    expect(eventValue(event!, "DTSTART")).toBe(icsTime(first.start));
  });
});

describe("series cancellation", () => {
  it("speaks of every session in its subject and body", () => {
    const email = renderEmail({ ...base, kind: "cancellation", sessions: series, icsSequence: 2 });
    expect(email.subject).toBe("Riverside Wellness Clinic: appointments cancelled, starting Tue 1 Dec");
    expect(email.text).toContain("These 3 treatment sessions have been cancelled:");
    for (const s of series)
      expect(email.text).toContain(
        DateTime.fromISO(s.start).setZone(clinic.timezone).toFormat("d LLLL yyyy"),
      );
    expect(email.text).toContain("book new times");
    expect(email.text).toContain("The attached calendar file removes them from your calendar.");
    expect(email.text).not.toContain("the cancelled time");
    expect(icsEvents(email.attachments[0]!.content)).toHaveLength(3);
    expectNothingPrivate(email);
  });
});

describe("closure notice", () => {
  it("says the clinic closed that day and will call to find a new time", () => {
    const email = renderEmail({ ...base, kind: "cancellation", notice: "clinic-closure" });
    expect(email.subject).toBe("Riverside Wellness Clinic: appointment cancelled for Tue 1 Dec");
    expect(email.text).toContain("the clinic has to close on Tuesday, 1 December 2026");
    expect(email.text).toContain("at 10:00 AM EST has been cancelled");
    expect(email.text).toContain("We will call you to find a new time.");
    expect(email.text).not.toContain("If you did not expect this");
    expectClinicContact(email);
    expectNothingPrivate(email);
    expect(icsValues(email.attachments[0]!.content, "METHOD")).toEqual(["CANCEL"]);
  });
});

describe("arrival time", () => {
  const at = (start: string) => ({
    ...base.appointment,
    start,
    end: DateTime.fromISO(start).plus({ hours: 2 }).toISO()!,
  });

  it("is never before the clinic opens that day", () => {
    // 8:00 AM on Tuesday 1 December: the clinic opens at 8:00, so nobody waits outside at 7:45.
    const opening = renderEmail({ ...base, kind: "reminder", appointment: at("2026-12-01T13:00:00.000Z") });
    expect(opening.text).toContain("Please arrive by: 8:00 AM EST");
    expect(opening.text).not.toContain("7:45 AM");
    const prep = renderEmail({ ...base, kind: "preparation", appointment: at("2026-12-01T13:00:00.000Z") });
    expect(prep.text).toContain("Please arrive by: 8:00 AM EST");
    // 8:10 is five minutes after opening: arrive at opening, not at 7:55.
    const soon = renderEmail({ ...base, kind: "confirmation", appointment: at("2026-12-01T13:15:00.000Z") });
    expect(soon.text).toContain("Please arrive by: 8:00 AM EST");
    // Later in the day the clinic's margin holds as before.
    const later = renderEmail({ ...base, kind: "confirmation", appointment: at("2026-12-01T15:00:00.000Z") });
    expect(later.text).toContain("Please arrive by: 9:45 AM EST");
  });

  it("counts from the opening of the session's own interval on a split day", () => {
    const split = {
      ...clinic,
      hours: {
        ...clinic.hours,
        tue: [
          { open: "08:00", close: "12:00" },
          { open: "13:00", close: "18:00" },
        ],
      },
    };
    const email = renderEmail({
      ...base,
      clinic: split,
      kind: "reminder",
      appointment: at("2026-12-01T18:00:00.000Z"),
    });
    expect(email.text).toContain("Please arrive by: 1:00 PM EST");
  });
});

describe("reschedule", () => {
  it("shows the old and new time and updates the same calendar event with a higher sequence", () => {
    const moved = session("apt_1", "2026-12-02T19:30:00.000Z", 1);
    const email = renderEmail({
      ...base,
      kind: "reschedule",
      appointment: { ...base.appointment, start: moved.start, end: moved.end },
      previousStart: first.start,
      icsSequence: 2,
    });
    expect(email.subject).toBe("Riverside Wellness Clinic: appointment moved to Wed 2 Dec");
    expect(email.text).toContain("Was: Tuesday, 1 December 2026 at 10:00 AM EST");
    expect(email.text).toContain("Now: Wednesday, 2 December 2026 at 2:30 PM EST");
    expectClinicContact(email);
    expectNothingPrivate(email);

    const confirmation = icsEvents(renderEmail({ ...base, icsSequence: 1 }).attachments[0]!.content)[0]!;
    const update = icsEvents(email.attachments[0]!.content)[0]!;
    expect(eventValue(update, "UID")).toBe(eventValue(confirmation, "UID"));
    expect(Number(eventValue(update, "SEQUENCE"))).toBeGreaterThan(
      Number(eventValue(confirmation, "SEQUENCE")),
    );
    expect(eventValue(update, "DTSTART")).toBe(icsTime(moved.start));
    expect(icsValues(email.attachments[0]!.content, "METHOD")).toEqual(["REQUEST"]);
  });
});

describe("every kind", () => {
  it("escapes a script in the patient's name in the HTML", () => {
    const email = renderEmail({ ...base, patient: { firstName: "<script>alert('hi')</script>" } });
    expect(email.html).toContain("Hello &lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;,");
    expect(email.html).not.toContain("<script");
    expect(email.text).toContain("Hello <script>alert('hi')</script>,");
  });

  it("is the same bytes for the same input, so a retried delivery sends the same message", () => {
    for (const kind of [
      "confirmation",
      "preparation",
      "reminder",
      "booster",
      "cancellation",
      "reschedule",
    ] as const) {
      expect(renderEmail({ ...base, kind })).toEqual(renderEmail({ ...base, kind }));
    }
  });

  it("keeps a clinic name that reveals the treatment out of the subject, the calendar and the body", () => {
    const revealing = { ...clinic, name: "Springfield Ketamine Infusion Center" };
    for (const kind of [
      "confirmation",
      "preparation",
      "reminder",
      "booster",
      "cancellation",
      "reschedule",
    ] as const) {
      const email = renderEmail({ ...base, kind, clinic: revealing });
      expect(email.subject.startsWith("Your clinic: ")).toBe(true);
      for (const part of [
        email.subject,
        email.text,
        email.html,
        ...email.attachments.map((a) => a.content),
      ]) {
        expect(findForbiddenWord(part)).toBeUndefined();
      }
      expect(email.text).toContain(clinic.address);
    }
  });
});
