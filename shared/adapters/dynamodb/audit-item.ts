import { AUDIT_RETENTION_DAYS, type AuditEntry } from "../../domain/audit.js";
import { keys } from "./item-keys.js";

type Item = Record<string, unknown>;

/**
 * Audit entries live under `AUDIT#` partition keys, and only there, so an IAM policy can deny updating or
 * deleting them by key prefix (dynamodb:LeadingKeys). By patient in the base table, by actor in gsi1; the
 * sort keys start with the instant, so a time range is a key range. DynamoDB's TTL removes them after six
 * years: the application never does.
 */
export function auditToItem(entry: AuditEntry): Item {
  const sortKey = `${entry.at}#${entry.id}`;
  return {
    pk: entry.patientId !== undefined ? keys.auditOfPatient(entry.patientId) : keys.auditOfRequest(entry.id),
    sk: `AUDIT#${sortKey}`,
    gsi1pk: keys.auditOfActor(entry.actor),
    gsi1sk: sortKey,
    type: "audit",
    ...entry,
    ttl: Math.floor(new Date(entry.at).getTime() / 1000) + AUDIT_RETENTION_DAYS * 86_400,
  };
}

export function itemToAudit(item: Item): AuditEntry {
  return {
    id: item.id as string,
    at: item.at as string,
    actor: item.actor as string,
    action: item.action as string,
    target: item.target as AuditEntry["target"],
    ...(typeof item.patientId === "string" ? { patientId: item.patientId } : {}),
    status: item.status as number,
  };
}

/** A page's end, as the opaque `next` a client sends back: the last key, which holds ids only. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key a cursor names, if it is one of ours for this partition; undefined otherwise. */
export function decodeCursor(cursor: string, partitionKey: string, partition: string): Item | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (typeof key !== "object" || key === null || Array.isArray(key)) return undefined;
    const item = key as Item;
    if (item[partitionKey] !== partition) return undefined;
    const allowed = new Set(["pk", "sk", "gsi1pk", "gsi1sk"]);
    if (!Object.entries(item).every(([k, v]) => allowed.has(k) && typeof v === "string")) return undefined;
    return item;
  } catch {
    return undefined;
  }
}
