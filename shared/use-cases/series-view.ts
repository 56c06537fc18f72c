import type { Appointment, Series, SeriesStatus } from "../domain/types.js";
import type { SeriesRecord } from "../ports/store.js";

/** Status follows from the sessions: only a cancellation is stored. */
export function seriesStatus(record: SeriesRecord, sessions: Appointment[]): SeriesStatus {
  if (record.cancelled) return "cancelled";
  return sessions.some((s) => s.status === "booked") ? "active" : "completed";
}

export function seriesView(record: SeriesRecord, sessions: Appointment[]): Series {
  return {
    id: record.id,
    patientId: record.patientId,
    protocolId: record.protocolId,
    status: seriesStatus(record, sessions),
    sessions: [...sessions].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)),
    ...(record.cancelReason !== undefined ? { cancelReason: record.cancelReason } : {}),
    createdAt: record.createdAt,
  };
}
