import { randomBytes } from "node:crypto";
import type { StaffMember } from "../../domain/staff.js";
import type { Appointment } from "../../domain/types.js";
import type { CapacityChange, ChangeSet, SeriesRecord } from "../../ports/store.js";
import { auditToItem } from "./audit-item.js";
import {
  appointmentToItem,
  patientIndexKeys,
  patientToItem,
  reminderToItem,
  seriesToItem,
  sessionAttribute,
  sessionSummaryValue,
} from "./item-codec.js";
import { keys } from "./item-keys.js";
import { CLAIM_OR_LEASE_OVER } from "./reminder-item.js";
import { remsFormToItem } from "./rems-form-item.js";
import type { TransactAction as Action } from "./table-requests.js";

/** What each action of the transaction guards, so a cancellation reason can be named. */
export interface LabelledActions {
  actions: Action[];
  labels: string[];
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/**
 * Turns a change set into the actions of one TransactWriteItems call. Guards: new items must not exist,
 * changed appointments and patients must still be at the version they were read at, and each capacity day
 * must still be at the version its bookings were counted at; that last guard is what makes overbooking
 * impossible under concurrency. Every series session written also rewrites its entry in the series'
 * summary, here and nowhere else, so no change to a session can leave the summary behind.
 */
export function buildTransaction(
  tableName: string,
  changes: ChangeSet,
  nowEpochSeconds: number,
): LabelledActions {
  const actions: Action[] = [];
  const labels: string[] = [];
  const add = (label: string, action: Action) => {
    labels.push(label);
    actions.push(action);
  };
  const notExists = { ConditionExpression: "attribute_not_exists(pk)" };

  if (changes.idempotency) {
    const { key, ...rest } = changes.idempotency;
    add("idempotency", {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.idempotency(key),
          type: "idempotency",
          key,
          ...rest,
          ttl: nowEpochSeconds + IDEMPOTENCY_TTL_SECONDS,
        },
        ...notExists,
      },
    });
  }
  if (changes.roster) {
    if (changes.clinicVersion === undefined)
      throw new Error("a roster is written over a clinic version read");
    add("clinic", rosterAction(tableName, changes.roster, changes.clinicVersion));
  } else if (changes.clinicVersion !== undefined)
    add("clinic", clinicCheck(tableName, changes.clinicVersion));
  if (changes.audit) {
    add("audit", { Put: { TableName: tableName, Item: auditToItem(changes.audit), ...notExists } });
  }
  for (const [id, version] of Object.entries(changes.appointmentsRead ?? {})) {
    add(`appointment ${id}`, {
      ConditionCheck: {
        TableName: tableName,
        Key: keys.appointment(id),
        ConditionExpression: "#v = :v",
        ExpressionAttributeNames: { "#v": "version" },
        ExpressionAttributeValues: { ":v": version },
      },
    });
  }
  for (const a of changes.createAppointments ?? []) {
    add(`appointment ${a.id}`, { Put: { TableName: tableName, Item: appointmentToItem(a), ...notExists } });
    for (const r of a.reminders)
      add(`reminder ${r.id}`, { Put: { TableName: tableName, Item: reminderToItem(a, r), ...notExists } });
  }
  for (const a of changes.updateAppointments ?? []) {
    add(`appointment ${a.id}`, {
      Put: { TableName: tableName, Item: appointmentToItem(a), ...atVersion(a.version) },
    });
  }
  // Unguarded: a form is only ever written with its appointment, whose write above is guarded.
  for (const form of changes.saveRemsForms ?? []) {
    add(`rems form ${form.appointmentId}`, { Put: { TableName: tableName, Item: remsFormToItem(form) } });
  }
  for (const id of changes.dropRemsForms ?? []) {
    add(`rems form ${id}`, { Delete: { TableName: tableName, Key: keys.remsForm(id) } });
  }
  for (const { appointment, reminder } of changes.createReminders ?? []) {
    add(`reminder ${reminder.id}`, {
      Put: { TableName: tableName, Item: reminderToItem(appointment, reminder), ...notExists },
    });
  }
  for (const { appointment, reminder } of changes.updateReminders ?? []) {
    const guard = atVersion(reminder.version);
    add(`reminder ${reminder.id}`, {
      Put: {
        TableName: tableName,
        Item: reminderToItem(appointment, reminder),
        ...(changes.remindersUnclaimed
          ? {
              ...guard,
              ConditionExpression: `(${guard.ConditionExpression}) AND ${CLAIM_OR_LEASE_OVER}`,
              ExpressionAttributeValues: {
                ...guard.ExpressionAttributeValues,
                ":now": new Date(nowEpochSeconds * 1000).toISOString(),
              },
            }
          : guard),
      },
    });
  }
  for (const c of changes.capacity ?? [])
    add(`capacity ${c.resource} ${c.date}`, capacityAction(tableName, c));
  const sessions = seriesSessionsOf(changes);
  if (changes.createSeries) {
    const series = changes.createSeries;
    add(`series ${series.id}`, {
      Put: { TableName: tableName, Item: seriesToItem(series, sessions.get(series.id) ?? []), ...notExists },
    });
    sessions.delete(series.id);
  }
  // One action per series item: a transaction may not touch one item twice.
  const updated = new Set([
    ...sessions.keys(),
    ...(changes.updateSeries ? [changes.updateSeries.id] : []),
    ...Object.keys(changes.seriesRead ?? {}),
  ]);
  for (const id of updated) {
    const record = changes.updateSeries?.id === id ? changes.updateSeries : undefined;
    const readAt = record ? record.version - 1 : changes.seriesRead?.[id];
    add(`series ${id}`, seriesUpdate(tableName, id, record, sessions.get(id) ?? [], readAt));
  }
  if (changes.createPatient) {
    const p = changes.createPatient;
    const token = randomBytes(18).toString("base64url");
    add(`patient ${p.id}`, { Put: { TableName: tableName, Item: patientToItem(p, token), ...notExists } });
  }
  if (changes.updatePatient) {
    // An update, not a put: the item also holds the unsubscribe token, which a Patient does not carry.
    // The index keys go with every update, so the same write that renames a patient moves them in the
    // name index (and a patient item that lacks the keys gains them).
    const { id, ...fields } = { ...changes.updatePatient, ...patientIndexKeys(changes.updatePatient) };
    const names: Record<string, string> = { "#v": "version" };
    const values: Record<string, unknown> = { ":prev": fields.version - 1 };
    const sets = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v], i) => {
        names[`#f${i}`] = k;
        values[`:f${i}`] = v;
        return `#f${i} = :f${i}`;
      });
    add(`patient ${id}`, {
      Update: {
        TableName: tableName,
        Key: keys.patient(id),
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#v = :prev",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    });
  }
  return { actions, labels };
}

/**
 * Written only over the version it was read at (`version - 1`); version 1 over an item stored before
 * versions existed, which has none.
 */
function atVersion(version: number): {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  return version - 1 === 0
    ? {
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#v)",
        ExpressionAttributeNames: { "#v": "version" },
      }
    : {
        ConditionExpression: "#v = :prev",
        ExpressionAttributeNames: { "#v": "version" },
        ExpressionAttributeValues: { ":prev": version - 1 },
      };
}

/** The clinic settings are still at the version read; 0 means still unsaved (the deployment's defaults). */
function clinicCheck(tableName: string, version: number): Action {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.clinic(),
      ...(version === 0
        ? { ConditionExpression: "attribute_not_exists(pk) OR attribute_not_exists(#v)" }
        : { ConditionExpression: "#v = :v", ExpressionAttributeValues: { ":v": version } }),
      ExpressionAttributeNames: { "#v": "version" },
    },
  };
}

/** The roster kept on the clinic item, written at the version read (creating the item on a fresh table). */
function rosterAction(tableName: string, roster: StaffMember[], version: number): Action {
  return {
    Update: {
      TableName: tableName,
      Key: keys.clinic(),
      UpdateExpression: "SET #s = :staff, #v = :next, #t = :type REMOVE #l",
      ConditionExpression: version === 0 ? "attribute_not_exists(#v)" : "#v = :v",
      ExpressionAttributeNames: { "#s": "staff", "#v": "version", "#t": "type", "#l": "lock" },
      ExpressionAttributeValues: {
        ":staff": roster,
        ":next": version + 1,
        ":type": "clinic",
        ...(version === 0 ? {} : { ":v": version }),
      },
    },
  };
}

/** The written series sessions, by series. */
function seriesSessionsOf(changes: ChangeSet): Map<string, Appointment[]> {
  const bySeries = new Map<string, Appointment[]>();
  const creating = changes.createSeries?.id;
  for (const a of [...(changes.createAppointments ?? []), ...(changes.updateAppointments ?? [])]) {
    // Integration sessions belong to a series without a number: they are not in its summary.
    if (a.seriesId === undefined || a.sequence === undefined) continue;
    if (a.seriesId !== creating && changes.createAppointments?.includes(a)) {
      // The summary's list of session ids is fixed at booking; a session added later would be missing
      // from every email that lists the series. Refuse rather than send an incomplete list.
      throw new Error(`a new session cannot join the existing series ${a.seriesId}`);
    }
    bySeries.set(a.seriesId, [...(bySeries.get(a.seriesId) ?? []), a]);
  }
  return bySeries;
}

/**
 * An update, not a put, even for the record's own fields: a put would drop the summary entries of the
 * sessions this change does not touch. Series stored before the summary existed take the entries too
 * (top-level attributes need no parent map), but stay without `sessionIds`, so nobody trusts them.
 */
function seriesUpdate(
  tableName: string,
  id: string,
  record: SeriesRecord | undefined,
  sessions: Appointment[],
  readAt: number | undefined,
): Action {
  const names: Record<string, string> = { "#ver": "version" };
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  const adds: string[] = [];
  let condition: string | undefined;
  if (readAt === undefined) {
    // Nothing here was decided on the other sessions: merge this change's entries, and bump the version so
    // a change that did read them cannot commit over this one.
    values[":one"] = 1;
    adds.push("#ver :one");
  } else {
    values[":next"] = readAt + 1;
    sets.push("#ver = :next");
    if (readAt === 0) condition = "attribute_exists(pk) AND attribute_not_exists(#ver)";
    else {
      values[":read"] = readAt;
      condition = "#ver = :read";
    }
  }
  if (record) {
    const { id: _id, version: _version, ...fields } = record;
    for (const [i, [field, value]] of Object.entries(fields).entries()) {
      if (value === undefined) continue;
      names[`#f${i}`] = field;
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    }
    if (record.cancelReason === undefined) {
      names["#cr"] = "cancelReason";
      removes.push("#cr");
    }
  }
  sessions.forEach((a, i) => {
    names[`#s${i}`] = sessionAttribute(a.id);
    values[`:s${i}`] = sessionSummaryValue(a);
    sets.push(`#s${i} = :s${i}`);
  });
  const clauses = [
    sets.length ? `SET ${sets.join(", ")}` : "",
    removes.length ? `REMOVE ${removes.join(", ")}` : "",
    adds.length ? `ADD ${adds.join(", ")}` : "",
  ];
  return {
    Update: {
      TableName: tableName,
      Key: keys.series(id),
      UpdateExpression: clauses.filter(Boolean).join(" "),
      ...(condition ? { ConditionExpression: condition } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

function capacityAction(tableName: string, c: CapacityChange): Action {
  const key = keys.capacity(c.resource, c.date);
  const entry = (b: CapacityChange["add"][number]) => ({
    start: b.start,
    end: b.end,
    ...(b.holds?.length ? { holds: b.holds } : {}),
  });
  if (c.add.length === 0 && c.remove.length === 0) {
    // Read only for the people it holds: it must still be as read, but nothing of it changes.
    return {
      ConditionCheck: {
        TableName: tableName,
        Key: key,
        ...(c.expectedVersion === 0
          ? { ConditionExpression: "attribute_not_exists(pk)" }
          : {
              ConditionExpression: "#v = :prev",
              ExpressionAttributeNames: { "#v": "version" },
              ExpressionAttributeValues: { ":prev": c.expectedVersion },
            }),
      },
    };
  }
  if (c.expectedVersion === 0) {
    // First booking of the day for this resource: the item does not exist yet.
    const bookings = Object.fromEntries(c.add.map((b) => [b.appointmentId, entry(b)]));
    return {
      Put: {
        TableName: tableName,
        Item: { ...key, type: "capacity", resource: c.resource, date: c.date, version: 1, bookings },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    };
  }
  const names: Record<string, string> = { "#v": "version", "#b": "bookings" };
  const values: Record<string, unknown> = { ":prev": c.expectedVersion, ":next": c.expectedVersion + 1 };
  const sets = ["#v = :next"];
  const removes: string[] = [];
  c.add.forEach((b, i) => {
    names[`#a${i}`] = b.appointmentId;
    values[`:a${i}`] = entry(b);
    sets.push(`#b.#a${i} = :a${i}`);
  });
  const added = new Set(c.add.map((b) => b.appointmentId));
  c.remove
    .filter((id) => !added.has(id))
    .forEach((id, i) => {
      names[`#r${i}`] = id;
      removes.push(`#b.#r${i}`);
    });
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET ${sets.join(", ")}${removes.length ? ` REMOVE ${removes.join(", ")}` : ""}`,
      ConditionExpression: "#v = :prev",
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
