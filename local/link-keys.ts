import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { readJsonFile, writeJsonFile } from "./json-file.js";

/**
 * The keys of patients' links in local mode, current first: `PATIENT_LINK_KEYS` (comma-separated, as
 * "new,old" while rotating), else a key made on first start and kept in the data directory, so links in
 * the local inbox keep working across restarts (in memory: one per run). AWS reads Secrets Manager instead.
 */
export function localLinkKeys(dataDir: string | undefined, env = process.env.PATIENT_LINK_KEYS): string[] {
  const given = (env ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  if (given.length > 0) return given;
  if (!dataDir) return [randomBytes(32).toString("base64url")];
  const file = join(dataDir, "patient-link-keys.json");
  const stored = readJsonFile(file);
  if (Array.isArray(stored) && stored.every((k) => typeof k === "string") && stored.length > 0) return stored;
  const keys = [randomBytes(32).toString("base64url")];
  writeJsonFile(file, keys);
  return keys;
}
