import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DateTime } from "luxon";
import { ensureTable } from "../local/create-table.js";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/dynamodb-local.js";
import { createTableClient } from "../shared/adapters/dynamodb/client.js";
import { DynamoDbStore } from "../shared/adapters/dynamodb/dynamodb-store.js";
import { type Clinic, DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import type { ServiceId } from "../shared/domain/types.js";
import { randomIds } from "../shared/ports/id-source.js";
import { clinicDay } from "../shared/use-cases/agenda.js";
import { bookAppointment } from "../shared/use-cases/book-appointment.js";
import { AwsCounter } from "./aws-counter.js";
import { patientRecord } from "./fixtures.js";

/** What `GET /agenda` asked of AWS for one full day. */
export interface AgendaRequestCount {
  date: string;
  timezone: string;
  appointments: number;
  patients: number;
  requests: Record<string, number>;
  total: number;
  /** The most it may take: the day's appointments, then one batch of patients, series and the clinic. */
  budget: number;
}

/** Sydney: its clinic-local days run from 13:00 (or 14:00) UTC to 13:00 UTC, so 1 December spans two UTC months. */
const CLINIC: Clinic = { ...DEFAULT_CLINIC, timezone: "Australia/Sydney", chairs: 4, offices: 2 };
const DATE = "2026-12-01";
const BOOKED_AT = "2026-11-29T22:00:00.000Z";

/**
 * Books a full day (every chair and office from opening to closing, each session for another patient) on
 * a table of its own, then counts the AWS requests of the agenda's use case for that day.
 */
export async function measureAgendaRequests(services: {
  dynamodbEndpoint: string;
}): Promise<AgendaRequestCount> {
  const dynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: services.dynamodbEndpoint,
  });
  const tableName = `bench-agenda-${Date.now()}`;
  await ensureTable(dynamo, tableName);
  const counter = new AwsCounter();
  const storeClient = counter.instrument(
    createTableClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: services.dynamodbEndpoint,
    }),
    "DynamoDB",
  );
  const store = new DynamoDbStore(storeClient, tableName);
  const deps = { store, clock: { now: () => new Date(BOOKED_AT) }, ids: randomIds, clinicDefaults: CLINIC };
  await store.putClinic(CLINIC);
  try {
    const sessions: { service: ServiceId; hour: number }[] = [];
    for (let hour = 8; hour < 18; hour += 2)
      for (let chair = 0; chair < CLINIC.chairs; chair++) sessions.push({ service: "iv-ketamine", hour });
    for (let hour = 8; hour < 18; hour++)
      for (let office = 0; office < CLINIC.offices; office++)
        sessions.push({ service: "consultation", hour });
    for (const [n, s] of sessions.entries()) {
      const patient = patientRecord(BOOKED_AT, { eligible: ["iv-ketamine"], n });
      await store.createPatient(patient);
      const start = DateTime.fromISO(DATE, { zone: CLINIC.timezone }).set({ hour: s.hour }).toISO()!;
      await bookAppointment(deps, { patientId: patient.id, service: s.service, start });
    }
    const { result, requests, total } = await counter.measure(() => clinicDay(deps, DATE));
    const placed = result.lanes.reduce((n, lane) => n + lane.entries.length, 0);
    if (placed !== sessions.length)
      throw new Error(`the agenda lists ${placed} of ${sessions.length} sessions`);
    return {
      date: DATE,
      timezone: CLINIC.timezone,
      appointments: placed,
      patients: sessions.length,
      requests,
      total,
      budget: 2,
    };
  } finally {
    dynamo.destroy();
  }
}
