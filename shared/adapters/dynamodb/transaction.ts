import { randomBytes } from "node:crypto";
import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { CapacityChange, ChangeSet } from "../../ports/store.js";
import { appointmentToItem, patientToItem, reminderToItem, seriesToItem } from "./item-codec.js";
import { keys } from "./item-keys.js";

type Action = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

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
 * impossible under concurrency.
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
  const atVersion = (version: number) => ({
    ConditionExpression: "#v = :prev",
    ExpressionAttributeNames: { "#v": "version" },
    ExpressionAttributeValues: { ":prev": version - 1 },
  });

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
  for (const a of changes.createAppointments ?? []) {
    add(`appointment ${a.id}`, { Put: { TableName: tableName, Item: appointmentToItem(a), ...notExists } });
    for (const r of a.reminders)
      add(`reminder ${r.id}`, { Put: { TableName: tableName, Item: reminderToItem(a, r) } });
  }
  for (const a of changes.updateAppointments ?? []) {
    add(`appointment ${a.id}`, {
      Put: { TableName: tableName, Item: appointmentToItem(a), ...atVersion(a.version) },
    });
  }
  for (const { appointment, reminder } of changes.upsertReminders ?? []) {
    add(`reminder ${reminder.id}`, {
      Put: { TableName: tableName, Item: reminderToItem(appointment, reminder) },
    });
  }
  for (const c of changes.capacity ?? [])
    add(`capacity ${c.resource} ${c.date}`, capacityAction(tableName, c));
  if (changes.createSeries) {
    add(`series ${changes.createSeries.id}`, {
      Put: { TableName: tableName, Item: seriesToItem(changes.createSeries), ...notExists },
    });
  }
  if (changes.updateSeries) {
    add(`series ${changes.updateSeries.id}`, {
      Put: { TableName: tableName, Item: seriesToItem(changes.updateSeries) },
    });
  }
  if (changes.createPatient) {
    const p = changes.createPatient;
    const token = randomBytes(18).toString("base64url");
    add(`patient ${p.id}`, { Put: { TableName: tableName, Item: patientToItem(p, token), ...notExists } });
  }
  if (changes.updatePatient) {
    // An update, not a put: the item also holds the unsubscribe token, which a Patient does not carry.
    const { id, ...fields } = changes.updatePatient;
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

function capacityAction(tableName: string, c: CapacityChange): Action {
  const key = keys.capacity(c.resource, c.date);
  if (c.expectedVersion === 0) {
    // First booking of the day for this resource: the item does not exist yet.
    const bookings = Object.fromEntries(c.add.map((b) => [b.appointmentId, { start: b.start, end: b.end }]));
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
    values[`:a${i}`] = { start: b.start, end: b.end };
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
