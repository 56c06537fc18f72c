import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import type { AuditEntry } from "../../domain/audit.js";
import { type Clinic, clinicSchema } from "../../domain/clinic.js";
import type { RemsForm } from "../../domain/rems-form.js";
import type { StaffHold, StaffMember } from "../../domain/staff.js";
import type { Appointment, Patient, Reminder, Resource } from "../../domain/types.js";
import {
  type AgendaReads,
  type AuditQuery,
  type BookingReads,
  type CapacityDay,
  type ChangeSet,
  type ClaimedReminder,
  type ClinicRecord,
  type DigestClaim,
  type DigestSettlement,
  type IdempotencyRecord,
  MAX_BOOKING_READ_DAYS,
  type OpenRemsFormQuery,
  type PatientQuery,
  type ReminderClaim,
  type ReminderRef,
  type ReminderSettlement,
  type SendContext,
  type SeriesWithSessions,
  type Store,
  type UnsettledReminder,
} from "../../ports/store.js";
import { IdempotencyReplay, InvalidCursor, StaleWrite } from "../../use-cases/errors.js";
import { auditToItem, decodeCursor, encodeCursor, itemToAudit } from "./audit-item.js";
import {
  dayIndexKeys,
  itemsToAppointments,
  itemToAppointment,
  itemToPatient,
  itemToReminder,
  itemToSeries,
  itemToSeriesSessions,
  seriesSize,
  unsettledScheduledKeys,
} from "./item-codec.js";
import { keys, utcMonthsBetween } from "./item-keys.js";
import {
  CLAIM_OR_LEASE_OVER,
  claimedReminderFromItem,
  NEXT_VERSION,
  NEXT_VERSION_VALUES,
  pendingAtVersion,
  SETTLED_INDEX_REMOVAL,
  unsettledFromItem,
} from "./reminder-item.js";
import { itemToRemsForm, submittedRange } from "./rems-form-item.js";
import { TABLE_KEYS } from "./table-keys.js";
import {
  type Item,
  type QueryCommandInput,
  TableRequests,
  type UpdateCommandInput,
} from "./table-requests.js";
import { buildTransaction } from "./transaction.js";

/** A digest's record outlives the date it is for by far more than any run that could still claim it. */
const DIGEST_TTL_SECONDS = 30 * 24 * 3600;

/** The Store port on one DynamoDB table. Every read is by key or key range: no Scan. */
// Parsing fills settings added after the clinic was saved with their defaults.
const itemToClinic = (item: Item): Clinic => clinicSchema.parse(item.settings);

/** A day nobody has booked yet has no item: it reads as empty, at version 0. */
function itemToCapacityDay(resource: Resource, date: string, item: Item | undefined): CapacityDay {
  const bookings = Object.entries(
    (item?.bookings ?? {}) as Record<string, { start: string; end: string; holds?: StaffHold[] }>,
  ).map(([appointmentId, b]) => ({
    appointmentId,
    resource,
    start: b.start,
    end: b.end,
    ...(b.holds?.length ? { holds: b.holds } : {}),
  }));
  return { resource, date, version: (item?.version as number | undefined) ?? 0, bookings };
}

export class DynamoDbStore implements Store {
  private readonly table: TableRequests;

  /** `client`: one built by `createTableClient` (client.ts), whose middleware the SDK resolves once. */
  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
    private readonly nowEpochSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.table = new TableRequests(client);
  }

  async getClinic(): Promise<Clinic | undefined> {
    const item = await this.get(keys.clinic());
    return item?.settings ? itemToClinic(item) : undefined;
  }

  async getClinicRecord(): Promise<ClinicRecord> {
    return this.clinicRecord(await this.get(keys.clinic()));
  }

  private clinicRecord(item: Item | undefined): ClinicRecord {
    const lock = item?.lock as { until?: string } | undefined;
    const now = new Date(this.nowEpochSeconds() * 1000).toISOString();
    return {
      ...(item?.settings ? { clinic: itemToClinic(item) } : {}),
      version: typeof item?.version === "number" ? item.version : 0,
      locked: typeof lock?.until === "string" && lock.until > now,
      staff: Array.isArray(item?.staff) ? (item.staff as StaffMember[]) : [],
    };
  }

  async lockClinic(version: number, until: string, defaults: Clinic): Promise<number> {
    const next = version + 1;
    try {
      if (version === 0) {
        // Never saved: the lock creates the item, holding the defaults the bookings were decided under.
        await this.table.put({
          TableName: this.tableName,
          Item: { ...keys.clinic(), type: "clinic", settings: defaults, version: next, lock: { until } },
          ConditionExpression: "attribute_not_exists(pk) OR attribute_not_exists(#v)",
          ExpressionAttributeNames: { "#v": "version" },
        });
      } else {
        await this.table.update({
          TableName: this.tableName,
          Key: keys.clinic(),
          UpdateExpression: "SET #v = :next, #l = :lock",
          ConditionExpression: "#v = :read",
          ExpressionAttributeNames: { "#v": "version", "#l": "lock" },
          ExpressionAttributeValues: { ":next": next, ":read": version, ":lock": { until } },
        });
      }
      return next;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StaleWrite("clinic settings");
      throw error;
    }
  }

  async saveClinic(clinic: Clinic, lockVersion: number): Promise<void> {
    await this.updateLockedClinic(lockVersion, "SET #v = :next, settings = :settings REMOVE #l", {
      ":settings": clinic,
    });
  }

  async unlockClinic(lockVersion: number): Promise<void> {
    try {
      await this.updateLockedClinic(lockVersion, "SET #v = :next REMOVE #l", {});
    } catch (error) {
      // Lifted already (its lease ran out and someone locked it since): nothing of ours to lift.
      if (!(error instanceof StaleWrite)) throw error;
    }
  }

  private async updateLockedClinic(lockVersion: number, update: string, values: Record<string, unknown>) {
    try {
      await this.table.update({
        TableName: this.tableName,
        Key: keys.clinic(),
        UpdateExpression: update,
        ConditionExpression: "#v = :read",
        ExpressionAttributeNames: { "#v": "version", "#l": "lock" },
        ExpressionAttributeValues: { ":read": lockVersion, ":next": lockVersion + 1, ...values },
      });
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StaleWrite("clinic settings");
      throw error;
    }
  }

  async getBookingReads(
    patientId: string,
    capacity?: { resources: readonly Resource[]; dates: string[] },
    seriesId?: string,
  ): Promise<BookingReads> {
    const dates = [...new Set(capacity?.dates ?? [])];
    const days = (capacity?.resources ?? []).flatMap((resource) => dates.map((date) => ({ resource, date })));
    if (days.length > MAX_BOOKING_READ_DAYS)
      throw new RangeError(`one read holds at most ${MAX_BOOKING_READ_DAYS} capacity days`);
    const items = await this.batchGet([
      keys.clinic(),
      keys.patient(patientId),
      ...(seriesId !== undefined ? [keys.series(seriesId)] : []),
      ...days.map((d) => keys.capacity(d.resource, d.date)),
    ]);
    const clinic = this.clinicRecord(items.find((i) => i.type === "clinic"));
    const patient = items.find((i) => i.type === "patient");
    const series = items.find((i) => i.type === "series");
    const seriesSessions = series ? itemToSeriesSessions(series) : undefined;
    const found = new Map(
      items.filter((i) => i.type === "capacity").map((i) => [`${i.resource}#${i.date}`, i]),
    );
    return {
      ...(clinic.clinic ? { clinic: clinic.clinic } : {}),
      clinicVersion: clinic.version,
      clinicLocked: clinic.locked,
      staff: clinic.staff,
      ...(patient ? { patient: itemToPatient(patient) } : {}),
      ...(seriesSessions ? { seriesSessions } : {}),
      ...(series ? { seriesVersion: itemToSeries(series).version } : {}),
      ...(capacity
        ? {
            capacityDays: days.map((d) =>
              itemToCapacityDay(d.resource, d.date, found.get(`${d.resource}#${d.date}`)),
            ),
          }
        : {}),
    };
  }

  async putClinic(clinic: Clinic): Promise<boolean> {
    try {
      await this.table.put({
        TableName: this.tableName,
        Item: { ...keys.clinic(), type: "clinic", settings: clinic, version: 1 },
        ConditionExpression: "attribute_not_exists(pk)",
      });
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getPatient(id: string): Promise<Patient | undefined> {
    const item = await this.get(keys.patient(id));
    return item ? itemToPatient(item) : undefined;
  }

  async createPatient(patient: Patient, idempotency?: IdempotencyRecord): Promise<void> {
    await this.commit({ createPatient: patient, ...(idempotency ? { idempotency } : {}) });
  }

  async updatePatient(patient: Patient): Promise<void> {
    await this.commit({ updatePatient: patient });
  }

  async findPatients(query: PatientQuery, limit: number): Promise<{ patients: Patient[]; more: boolean }> {
    const [index, partition] =
      "namePrefix" in query
        ? [TABLE_KEYS.patientsByName, keys.patientDirectory()]
        : "phone" in query
          ? [TABLE_KEYS.patientsByPhone, keys.phonePartition(query.phone)]
          : [TABLE_KEYS.patientsByEmail, keys.emailPartition(query.email)];
    const condition =
      "namePrefix" in query
        ? {
            KeyConditionExpression: `${index.partitionKey} = :p AND begins_with(${index.sortKey}, :prefix)`,
            ExpressionAttributeValues: { ":p": partition, ":prefix": query.namePrefix },
          }
        : {
            KeyConditionExpression: `${index.partitionKey} = :p`,
            ExpressionAttributeValues: { ":p": partition },
          };
    // One more than asked for says whether there are more, without a cursor: a cursor here would carry
    // a patient's name in a URL.
    const items = await this.queryUpTo(
      { TableName: this.tableName, IndexName: index.indexName, ...condition },
      limit + 1,
    );
    return { patients: items.slice(0, limit).map(itemToPatient), more: items.length > limit };
  }

  async getAppointment(id: string): Promise<Appointment | undefined> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.appointment(id).pk },
      // What a change is decided on: read as committed, not as an eventually consistent copy.
      ConsistentRead: true,
    });
    return itemsToAppointments(items)[0];
  }

  async listPatientAppointments(patientId: string): Promise<Appointment[]> {
    return itemsToAppointments(
      await this.queryPartition(TABLE_KEYS.byPatient, keys.patientPartition(patientId)),
    );
  }

  async listAppointments(fromInstant: string, toInstant: string): Promise<Appointment[]> {
    const { indexName, partitionKey, sortKey } = TABLE_KEYS.byMonth;
    // The month index is partitioned by UTC month: one query per month the interval touches.
    const pages = await Promise.all(
      utcMonthsBetween(fromInstant, toInstant).map((month) =>
        this.queryAll({
          TableName: this.tableName,
          IndexName: indexName,
          // Sort keys start with the ISO start, so BETWEEN from AND to is [from, to): "to#..." sorts after "to".
          KeyConditionExpression: `${partitionKey} = :m AND ${sortKey} BETWEEN :from AND :to`,
          ExpressionAttributeValues: {
            ":m": keys.monthPartition(month),
            ":from": fromInstant,
            ":to": toInstant,
          },
        }),
      ),
    );
    return itemsToAppointments(pages.flat()).sort((a, b) => a.start.localeCompare(b.start));
  }

  async listDayAppointments(date: string): Promise<Omit<Appointment, "reminders">[]> {
    const items = await this.queryPartition(TABLE_KEYS.byDay, keys.dayPartition(date));
    return items.map(itemToAppointment).map(({ reminders: _reminders, ...a }) => a);
  }

  async fileUnderDate(appointmentId: string, start: string, date: string): Promise<boolean> {
    const index = dayIndexKeys({ id: appointmentId, start, date });
    return this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.appointment(appointmentId),
      UpdateExpression: "SET #d = :date, gsi4pk = :pk, gsi4sk = :sk",
      ConditionExpression: "attribute_exists(pk) AND #start = :start AND attribute_not_exists(#d)",
      ExpressionAttributeNames: { "#d": "date", "#start": "start" },
      ExpressionAttributeValues: { ":date": date, ":start": start, ":pk": index.gsi4pk, ":sk": index.gsi4sk },
    });
  }

  async getAgendaReads(patientIds: string[], seriesIds: string[]): Promise<AgendaReads> {
    const items = await this.batchGetMany([
      keys.clinic(),
      ...[...new Set(patientIds)].map((id) => keys.patient(id)),
      ...[...new Set(seriesIds)].map((id) => keys.series(id)),
    ]);
    const record = this.clinicRecord(items.find((i) => i.type === "clinic"));
    const clinic = record.clinic;
    const seriesSizes: Record<string, number> = {};
    for (const item of items.filter((i) => i.type === "series")) {
      const size = seriesSize(item);
      if (size !== undefined) seriesSizes[item.id as string] = size;
    }
    return {
      ...(clinic ? { clinic } : {}),
      patients: items.filter((i) => i.type === "patient").map(itemToPatient),
      staff: record.staff,
      seriesSizes,
    };
  }

  async getSeries(id: string): Promise<SeriesWithSessions | undefined> {
    const item = await this.get(keys.series(id));
    if (!item) return undefined;
    const all = await this.listAllOfSeries(id);
    return {
      series: itemToSeries(item),
      sessions: all.filter((a) => a.sequence !== undefined),
      integrations: all.filter((a) => a.sequence === undefined),
    };
  }

  async getCapacityDays(resource: Resource, dates: string[]): Promise<CapacityDay[]> {
    const unique = [...new Set(dates)];
    // A series' planning window can exceed the 100 keys one BatchGetItem takes.
    const items = await this.batchGetMany(unique.map((d) => keys.capacity(resource, d)));
    const found = new Map(items.map((item) => [item.date as string, item]));
    return unique.map((date) => itemToCapacityDay(resource, date, found.get(date)));
  }

  async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const item = await this.get(keys.idempotency(key));
    if (!item || (typeof item.ttl === "number" && item.ttl < this.nowEpochSeconds())) return undefined;
    return { key, requestHash: item.requestHash as string, status: item.status as number, body: item.body };
  }

  async commit(changes: ChangeSet): Promise<void> {
    const { actions, labels } = buildTransaction(this.tableName, changes, this.nowEpochSeconds());
    if (actions.length === 0) return;
    if (actions.length > 100) throw new Error(`a change of ${actions.length} writes exceeds one transaction`);
    try {
      await this.table.transactWrite(actions);
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code && r.Code !== "None");
      const label = labels[failed] ?? "an item";
      if (label === "idempotency" && changes.idempotency)
        throw new IdempotencyReplay(changes.idempotency.key);
      throw new StaleWrite(label);
    }
  }

  async claimReminder(claim: ReminderClaim): Promise<ClaimedReminder | undefined> {
    try {
      const out = await this.table.update({
        TableName: this.tableName,
        Key: keys.reminder(claim.appointmentId, claim.reminderId),
        UpdateExpression: "SET claimId = :claim, claimedUntil = :until",
        ConditionExpression: `#s = :scheduled AND dueAt = :due AND ${CLAIM_OR_LEASE_OVER}`,
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":claim": claim.claimId,
          ":until": claim.leaseUntil,
          ":scheduled": "scheduled",
          ":due": claim.dueAt,
          ":now": claim.now,
        },
        // The claimed reminder comes back with the write: no read before it.
        ReturnValues: "ALL_NEW",
      });
      return claimedReminderFromItem(out.Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async getReminder(appointmentId: string, reminderId: string): Promise<Reminder | undefined> {
    const item = await this.get(keys.reminder(appointmentId, reminderId));
    return item ? itemToReminder(item) : undefined;
  }

  async getSendContext(appointmentId: string, patientId: string, seriesId?: string): Promise<SendContext> {
    const wanted = [keys.appointment(appointmentId), keys.patient(patientId), keys.clinic()];
    if (seriesId !== undefined) wanted.push(keys.series(seriesId));
    const items = await this.batchGet(wanted);
    const byType = (type: string) => items.find((i) => i.type === type);
    const appointment = byType("appointment");
    const patient = byType("patient");
    const clinic = byType("clinic");
    const series = byType("series");
    const seriesSessions = series ? itemToSeriesSessions(series) : undefined;
    return {
      ...(appointment ? { appointment: itemsToAppointments([appointment])[0]! } : {}),
      ...(patient
        ? { patient: itemToPatient(patient), unsubscribeToken: patient.unsubscribeToken as string }
        : {}),
      ...(clinic ? { clinic: itemToClinic(clinic) } : {}),
      ...(seriesSessions ? { seriesSessions } : {}),
    };
  }

  async listSeriesSessions(seriesId: string): Promise<Appointment[]> {
    return (await this.listAllOfSeries(seriesId)).filter((a) => a.sequence !== undefined);
  }

  /** The series' numbered sessions by sequence, and its unnumbered (integration) sessions, in one query. */
  private async listAllOfSeries(seriesId: string): Promise<Appointment[]> {
    const items = await this.queryPartition(TABLE_KEYS.bySeries, keys.seriesPartition(seriesId));
    return itemsToAppointments(items).sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  }

  async settleReminder(s: ReminderSettlement): Promise<void> {
    const values: Record<string, unknown> = { ":status": s.status, ...NEXT_VERSION_VALUES };
    const sets = ["#s = :status", NEXT_VERSION];
    for (const field of ["reason", "sentAt", "messageId"] as const) {
      if (s[field] !== undefined) {
        sets.push(`${field} = :${field}`);
        values[`:${field}`] = s[field];
      }
    }
    try {
      await this.table.update({
        TableName: this.tableName,
        Key: keys.reminder(s.appointmentId, s.reminderId),
        UpdateExpression: `SET ${sets.join(", ")} REMOVE claimId, claimedUntil, ${SETTLED_INDEX_REMOVAL}`,
        ConditionExpression: "claimId = :claim",
        ExpressionAttributeNames: { "#s": "status", "#v": "version" },
        ExpressionAttributeValues: { ...values, ":claim": s.claimId },
      });
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // The reminder was rewritten while we held it. An email that went out must still show as sent, or
      // staff could not account for it; other outcomes yield.
      if (s.status === "sent") await this.recordLateSend(s);
    }
  }

  /**
   * A send whose reminder was rewritten mid-send, or whose claim is gone. Called off (the appointment was
   * cancelled or moved, so the change cancelled it and planned its own): it shows as sent, since it was.
   * Pending for a due time this send covers: sent. Pending for a later time (moved in place, which a change
   * only does to reminders not yet due, so only a sender far ahead of its time gets here): it keeps its due
   * time and status, which its own schedule will send, and notes this send's time and message id; marking
   * it sent would silently drop the reminder for the new time.
   */
  private async recordLateSend(s: ReminderSettlement): Promise<void> {
    const key = keys.reminder(s.appointmentId, s.reminderId);
    const names = { "#s": "status", "#v": "version" };
    const sent = { ":sentAt": s.sentAt, ":messageId": s.messageId, ...NEXT_VERSION_VALUES };
    // Recorded already (SES's Send event and the sender both report one email): nothing to write.
    const notYet = "(attribute_not_exists(messageId) OR messageId <> :messageId)";
    const calledOff = await this.conditionalUpdate({
      TableName: this.tableName,
      Key: key,
      UpdateExpression: `SET #s = :sent, sentAt = :sentAt, messageId = :messageId, ${NEXT_VERSION} REMOVE reason, ${SETTLED_INDEX_REMOVAL}`,
      ConditionExpression: `#s <> :scheduled AND ${notYet}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...sent, ":sent": "sent", ":scheduled": "scheduled" },
    });
    if (calledOff) return;
    // Still pending for the very due time this send was for, but no longer under its claim: the claim was
    // lost (a store that dropped its last write in a crash) or released. The email went out: it is sent.
    const stillDue = await this.conditionalUpdate({
      TableName: this.tableName,
      Key: key,
      UpdateExpression: `SET #s = :sent, sentAt = :sentAt, messageId = :messageId, ${NEXT_VERSION} REMOVE claimId, claimedUntil, ${SETTLED_INDEX_REMOVAL}`,
      ConditionExpression: `#s = :scheduled AND dueAt <= :sentAt AND ${notYet}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...sent, ":sent": "sent", ":scheduled": "scheduled" },
    });
    if (stillDue) return;
    await this.conditionalUpdate({
      TableName: this.tableName,
      Key: key,
      UpdateExpression: `SET sentAt = :sentAt, messageId = :messageId, ${NEXT_VERSION}`,
      ConditionExpression: `#s = :scheduled AND ${notYet}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...sent, ":scheduled": "scheduled" },
    });
  }

  async releaseReminder(
    claim: Pick<ReminderClaim, "appointmentId" | "reminderId" | "claimId">,
  ): Promise<void> {
    try {
      await this.table.update({
        TableName: this.tableName,
        Key: keys.reminder(claim.appointmentId, claim.reminderId),
        UpdateExpression: "REMOVE claimId, claimedUntil",
        ConditionExpression: "claimId = :claim",
        ExpressionAttributeValues: { ":claim": claim.claimId },
      });
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async markReminderScheduled(ref: ReminderRef & { dueAt: string }): Promise<void> {
    const pending = pendingAtVersion(ref);
    const index = unsettledScheduledKeys(ref.appointmentId, ref.reminderId, ref.dueAt);
    try {
      await this.table.update({
        TableName: this.tableName,
        Key: keys.reminder(ref.appointmentId, ref.reminderId),
        UpdateExpression: "SET gsi4pk = :pk, gsi4sk = :sk, syncedVersion = :synced",
        ConditionExpression: `${pending.condition} AND dueAt = :due`,
        ExpressionAttributeNames: { "#s": "status", "#v": "version" },
        ExpressionAttributeValues: {
          ...pending.values,
          ":pk": index.gsi4pk,
          ":sk": index.gsi4sk,
          ":synced": ref.version,
          ":due": ref.dueAt,
        },
      });
    } catch (error) {
      // Changed since (a newer version has its own stream record to sync) or settled already: nothing to mark.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async listUnsyncedReminders(before: string, limit: number): Promise<UnsettledReminder[]> {
    return this.listUnsettled(keys.unsyncedReminders(), before, limit);
  }

  async listOverdueReminders(before: string, limit: number): Promise<UnsettledReminder[]> {
    return this.listUnsettled(keys.scheduledReminders(), before, limit);
  }

  /** One partition of the sparse unsettled index, up to a sort key (an instant, then ids). */
  private async listUnsettled(partition: string, before: string, limit: number) {
    const { indexName, partitionKey, sortKey } = TABLE_KEYS.byUnsettled;
    const items = await this.queryUpTo(
      {
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: `${partitionKey} = :p AND ${sortKey} < :before`,
        ExpressionAttributeValues: { ":p": partition, ":before": before },
      },
      limit,
    );
    return items.map(unsettledFromItem);
  }

  async markRedriven(ref: ReminderRef, at: string): Promise<boolean> {
    const pending = pendingAtVersion(ref);
    return this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.reminder(ref.appointmentId, ref.reminderId),
      UpdateExpression: "SET redrivenAt = :at REMOVE claimId, claimedUntil",
      ConditionExpression: `${pending.condition} AND ${CLAIM_OR_LEASE_OVER}`,
      ExpressionAttributeNames: { "#s": "status", "#v": "version" },
      ExpressionAttributeValues: { ...pending.values, ":at": at, ":now": at },
    });
  }

  async failReminder(ref: ReminderRef, reason: string, now: string): Promise<boolean> {
    const pending = pendingAtVersion(ref);
    return this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.reminder(ref.appointmentId, ref.reminderId),
      UpdateExpression: `SET #s = :failed, reason = :reason, ${NEXT_VERSION} REMOVE claimId, claimedUntil, ${SETTLED_INDEX_REMOVAL}`,
      ConditionExpression: `${pending.condition} AND ${CLAIM_OR_LEASE_OVER}`,
      ExpressionAttributeNames: { "#s": "status", "#v": "version" },
      ExpressionAttributeValues: {
        ...pending.values,
        ...NEXT_VERSION_VALUES,
        ":failed": "failed",
        ":reason": reason,
        ":now": now,
      },
    });
  }

  /** An update that may find its condition false: true if it was written. */
  private async conditionalUpdate(input: UpdateCommandInput): Promise<boolean> {
    try {
      await this.table.update(input);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async listOpenRemsForms(query: OpenRemsFormQuery): Promise<RemsForm[]> {
    return (await this.queryAll(this.openRemsFormsQuery(query))).map(itemToRemsForm);
  }

  async countOpenRemsForms(dueBefore: string): Promise<number> {
    let count = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.query({
        ...this.openRemsFormsQuery({ dueBefore }),
        Select: "COUNT",
        ExclusiveStartKey,
      });
      count += out.Count ?? 0;
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return count;
  }

  /** Open forms' sort keys are "<dueBy>#<id>": "< t" is due before t, ">= t" is due at t or later. */
  private openRemsFormsQuery(query: OpenRemsFormQuery): QueryCommandInput {
    const { indexName, partitionKey, sortKey } = TABLE_KEYS.remsForms;
    const values: Record<string, unknown> = { ":p": keys.openRemsForms() };
    let range = "";
    if (query.dueFrom !== undefined && query.dueBefore !== undefined) {
      range = ` AND ${sortKey} BETWEEN :from AND :before`;
      values[":from"] = query.dueFrom;
      // BETWEEN includes its upper end; no key equals a bare instant (each has "#<id>" after it).
      values[":before"] = query.dueBefore;
    } else if (query.dueFrom !== undefined) {
      range = ` AND ${sortKey} >= :from`;
      values[":from"] = query.dueFrom;
    } else if (query.dueBefore !== undefined) {
      range = ` AND ${sortKey} < :before`;
      values[":before"] = query.dueBefore;
    }
    return {
      TableName: this.tableName,
      IndexName: indexName,
      KeyConditionExpression: `${partitionKey} = :p${range}`,
      ExpressionAttributeValues: values,
    };
  }

  async listSubmittedRemsForms(fromDate: string, toDate: string): Promise<RemsForm[]> {
    const { indexName, partitionKey, sortKey } = TABLE_KEYS.remsForms;
    const range = submittedRange(fromDate, toDate);
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: indexName,
      KeyConditionExpression: `${partitionKey} = :p AND ${sortKey} BETWEEN :from AND :to`,
      ExpressionAttributeValues: { ":p": keys.submittedRemsForms(), ":from": range.from, ":to": range.to },
    });
    return items.map(itemToRemsForm);
  }

  async claimDailyDigest(claim: DigestClaim): Promise<boolean> {
    return this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.dailyDigest(claim.date),
      UpdateExpression:
        "SET #type = :type, #date = :date, claimId = :claim, claimedUntil = :until, #ttl = :ttl",
      // Never settled, and nobody's lease running: a run that died mid-send is replaced after its lease.
      ConditionExpression:
        "attribute_not_exists(outcome) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)",
      ExpressionAttributeNames: { "#type": "type", "#date": "date", "#ttl": TABLE_KEYS.ttlAttribute },
      ExpressionAttributeValues: {
        ":type": "daily-digest",
        ":date": claim.date,
        ":claim": claim.claimId,
        ":until": claim.leaseUntil,
        ":now": claim.now,
        // Long enough to outlive every run that could still claim the date; then DynamoDB drops it.
        ":ttl": Math.floor(Date.parse(claim.now) / 1000) + DIGEST_TTL_SECONDS,
      },
    });
  }

  async settleDailyDigest(s: DigestSettlement): Promise<void> {
    const values: Record<string, unknown> = { ":claim": s.claimId, ":outcome": s.outcome, ":at": s.at };
    const sets = ["outcome = :outcome", "settledAt = :at"];
    for (const field of ["messageId", "reason"] as const) {
      if (s[field] === undefined) continue;
      sets.push(`${field} = :${field}`);
      values[`:${field}`] = s[field];
    }
    // Another run took over after this one's lease ran out: what it settles stands.
    await this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.dailyDigest(s.date),
      UpdateExpression: `SET ${sets.join(", ")} REMOVE claimedUntil`,
      ConditionExpression: "claimId = :claim AND attribute_not_exists(outcome)",
      ExpressionAttributeValues: values,
    });
  }

  async releaseDailyDigest(claim: Pick<DigestClaim, "date" | "claimId">): Promise<void> {
    await this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.dailyDigest(claim.date),
      UpdateExpression: "REMOVE claimId, claimedUntil",
      ConditionExpression: "claimId = :claim AND attribute_not_exists(outcome)",
      ExpressionAttributeValues: { ":claim": claim.claimId },
    });
  }

  async recordAudit(entry: AuditEntry): Promise<void> {
    await this.table.put({
      TableName: this.tableName,
      Item: auditToItem(entry),
      ConditionExpression: "attribute_not_exists(pk)",
    });
  }

  async listAudit(query: AuditQuery): Promise<{ entries: AuditEntry[]; next?: string }> {
    const byPatient = "patientId" in query;
    const partitionKey = byPatient ? "pk" : TABLE_KEYS.byPatient.partitionKey;
    const sortKey = byPatient ? "sk" : TABLE_KEYS.byPatient.sortKey;
    const partition = byPatient ? keys.auditOfPatient(query.patientId) : keys.auditOfActor(query.actor);
    const prefix = byPatient ? "AUDIT#" : "";
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    if (query.after !== undefined) {
      ExclusiveStartKey = decodeCursor(query.after, partitionKey, partition);
      if (!ExclusiveStartKey) throw new InvalidCursor();
    }
    const out = await this.table.query({
      TableName: this.tableName,
      ...(byPatient ? {} : { IndexName: TABLE_KEYS.byPatient.indexName }),
      // Sort keys are "<instant>#<request id>": "#" sorts after every character of an instant's end.
      KeyConditionExpression: `${partitionKey} = :p AND ${sortKey} BETWEEN :from AND :to`,
      ExpressionAttributeValues: {
        ":p": partition,
        ":from": `${prefix}${query.from}`,
        ":to": `${prefix}${query.to}`,
      },
      Limit: query.limit,
      ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
    });
    const entries = out.Items.map(itemToAudit);
    return { entries, ...(out.LastEvaluatedKey ? { next: encodeCursor(out.LastEvaluatedKey) } : {}) };
  }

  async unsubscribeToken(patientId: string): Promise<string | undefined> {
    const item = await this.get(keys.patient(patientId));
    return item?.unsubscribeToken as string | undefined;
  }

  /** A few items by key, strongly consistent, in one request (up to 100 keys). */
  private async batchGet(wanted: Record<string, string>[]): Promise<Item[]> {
    const { items, unprocessedKeys } = await this.table.batchGet(this.tableName, {
      Keys: wanted,
      ConsistentRead: true,
    });
    // Rare (throttling): fetch what was left one by one rather than fail the request.
    if (unprocessedKeys.length === 0) return items;
    const rest = await Promise.all(unprocessedKeys.map((k) => this.get(k as Record<string, string>)));
    return [...items, ...rest.filter((i): i is Item => i !== undefined)];
  }

  /** Any number of items by key: one BatchGetItem per 100 keys, sent together. */
  private async batchGetMany(wanted: Record<string, string>[]): Promise<Item[]> {
    const chunks: Record<string, string>[][] = [];
    for (let i = 0; i < wanted.length; i += 100) chunks.push(wanted.slice(i, i + 100));
    return (await Promise.all(chunks.map((chunk) => this.batchGet(chunk)))).flat();
  }

  private async get(key: Record<string, string>): Promise<Item | undefined> {
    const out = await this.table.get({ TableName: this.tableName, Key: key, ConsistentRead: true });
    return out.Item;
  }

  /** The first `count` items of a query, in as few pages as DynamoDB allows. */
  private async queryUpTo(input: QueryCommandInput, count: number): Promise<Item[]> {
    const items: Item[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const Limit = count - items.length;
      const out = await this.table.query({ ...input, Limit, ExclusiveStartKey });
      items.push(...out.Items);
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey && items.length < count);
    return items;
  }

  /** Every item of one partition of an index. */
  private async queryPartition(
    index: { indexName: string; partitionKey: string },
    partition: string,
  ): Promise<Item[]> {
    return this.queryAll({
      TableName: this.tableName,
      IndexName: index.indexName,
      KeyConditionExpression: `${index.partitionKey} = :p`,
      ExpressionAttributeValues: { ":p": partition },
    });
  }

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.query({ ...input, ExclusiveStartKey });
      items.push(...out.Items);
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}
