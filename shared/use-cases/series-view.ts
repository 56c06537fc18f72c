import type { Appointment, Series, SeriesStatus } from "../domain/types.js";
import type { SeriesRecord } from "../ports/store.js";

/** Status follows from the sessions: only a cancellation is stored. */
export function seriesStatus(record: SeriesRecord, sessions: Appointment[]): SeriesStatus {
  if (record.cancelled) return "cancelled";
  return sessions.some((s) => s.status === "booked") ? "active" : "completed";
}

/** The series as the API shows it: its numbered sessions in order, and its integration sessions by start. */
export function seriesView(
  record: SeriesRecord,
  sessions: Appointment[],
  integrations: Appointment[] = [],
): Series {
  return {
    id: record.id,
    patientId: record.patientId,
    protocolId: record.protocolId,
    status: seriesStatus(record, sessions),
    sessions: [...sessions].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)),
    ...(integrations.length > 0
      ? { integrationSessions: [...integrations].sort((a, b) => a.start.localeCompare(b.start)) }
      : {}),
    ...(record.cancelReason !== undefined ? { cancelReason: record.cancelReason } : {}),
    createdAt: record.createdAt,
  };
}
