import {
  APPOINTMENT_STATUS,
  CONFIRMATION,
  CONFIRMATION_TONE,
  RESOURCE_LABEL,
  STAFF_ROLE,
  serviceWithPosition,
  staffInOrder,
  staffWords,
} from "../../labels.js";
import {
  clockMinutes,
  formatClock,
  formatTime,
  formatTimeRange,
  minutesIntoDay,
} from "../../time/clinic-time.js";
import { APPOINTMENT_TONE, Badge } from "../../ui/badge.js";
import type { Agenda, AgendaEntry } from "./agenda.js";

/** Height of one minute on the grid: an hour is 84px, so a 60-minute consultation shows all four lines. */
const PX_PER_MINUTE = 1.4;
const DEFAULT_DAY = { open: "08:00", close: "18:00" };

/**
 * One column per chair and office, time running down. Each appointment is a button (Tab reaches every
 * one, in lane then time order) that opens its actions, and shows who staffs it where the clinic has staff. Each lane is a list, so a screen reader hears
 * "Chair 2, list, 3 items".
 */
export function TimeGrid(props: {
  agenda: Agenda;
  now: string | undefined;
  onOpen: (e: AgendaEntry) => void;
}) {
  const { agenda } = props;
  const zone = agenda.timezone;
  const [first, last] = dayBounds(agenda);
  const hours: number[] = [];
  for (let m = Math.ceil(first / 60) * 60; m <= last; m += 60) hours.push(m);
  const top = (minutes: number) => `${(minutes - first) * PX_PER_MINUTE}px`;
  const nowMinutes = props.now ? minutesIntoDay(props.now, zone) : undefined;

  return (
    <div class="grid-scroll">
      <div
        class="time-grid"
        style={{ gridTemplateColumns: `4.5rem repeat(${agenda.lanes.length}, minmax(9.5rem, 1fr))` }}
      >
        <div class="lane-head corner" aria-hidden="true" />
        {agenda.lanes.map((lane) => (
          <div
            key={`${lane.resource}-${lane.number}`}
            class={`lane-head ${lane.resource}`}
            aria-hidden="true"
          >
            {RESOURCE_LABEL[lane.resource]} {lane.number}
          </div>
        ))}
        <div class="hours" style={{ height: top(last) }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} class="hour" style={{ top: top(m) }}>
              {formatClock(`${Math.floor(m / 60)}:00`)}
            </span>
          ))}
        </div>
        {agenda.lanes.map((lane) => (
          <section
            key={`${lane.resource}-${lane.number}`}
            class="lane"
            // The hour lines are the lane's background, one every hour from its top (a whole hour): a
            // day of 12 lanes is some 130 elements fewer to build and lay out.
            style={{ height: top(last), backgroundSize: `100% ${60 * PX_PER_MINUTE}px` }}
            aria-label={`${RESOURCE_LABEL[lane.resource]} ${lane.number}`}
          >
            {nowMinutes !== undefined && nowMinutes >= first && nowMinutes <= last && (
              <span
                class="now-line"
                style={{ top: top(nowMinutes) }}
                title={`Now, ${formatTime(props.now!, zone)}`}
              />
            )}
            <ul>
              {lane.entries.map((e) => {
                const start = minutesIntoDay(e.start, zone);
                const end = start + (Date.parse(e.end) - Date.parse(e.start)) / 60_000;
                return (
                  <li
                    key={e.appointmentId}
                    class={`entry ${e.status}`}
                    style={{ top: top(start), height: `${(end - start) * PX_PER_MINUTE - 2}px` }}
                  >
                    <button type="button" onClick={() => props.onOpen(e)}>
                      <span class="entry-time">{formatTimeRange(e.start, e.end, zone)}</span>
                      <strong class="entry-name">
                        {e.patient.lastName}, {e.patient.firstName}
                      </strong>
                      <span class="entry-line">
                        <span class="entry-service">
                          {serviceWithPosition(e.service, e.sequence, e.sessionsInSeries)}
                        </span>
                        {e.status !== "booked" && (
                          <Badge tone={APPOINTMENT_TONE[e.status]}>{APPOINTMENT_STATUS[e.status]}</Badge>
                        )}
                        {e.status === "booked" && (
                          <Badge tone={CONFIRMATION_TONE[e.confirmation]}>
                            {CONFIRMATION[e.confirmation]}
                          </Badge>
                        )}
                      </span>
                      {e.staff && e.staff.length > 0 && (
                        <span class="entry-staff" title={staffWords(e.staff)}>
                          {staffInOrder(e.staff).map((s) => (
                            <span key={`${s.role}-${s.id}`}>
                              <span class="entry-role">{STAFF_ROLE[s.role]}</span> {s.name}
                            </span>
                          ))}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

/** From the earliest opening to the latest closing of the day, stretched to fit every appointment. */
function dayBounds(agenda: Agenda): [number, number] {
  const hours = agenda.hours.length > 0 ? agenda.hours : [DEFAULT_DAY];
  let first = Math.min(...hours.map((h) => clockMinutes(h.open)));
  let last = Math.max(...hours.map((h) => clockMinutes(h.close)));
  for (const lane of agenda.lanes) {
    for (const e of lane.entries) {
      const start = minutesIntoDay(e.start, agenda.timezone);
      first = Math.min(first, start);
      last = Math.max(last, start + (Date.parse(e.end) - Date.parse(e.start)) / 60_000);
    }
  }
  return [Math.floor(first / 60) * 60, Math.min(24 * 60, Math.ceil(last / 60) * 60)];
}
