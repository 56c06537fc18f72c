import { type LinkKeyRing, linkKeyRing } from "../domain/patient-link.js";

/**
 * Where the keys of patients' links come from: the secret store in AWS, the environment locally. `fresh`
 * asks past any cache: a link signed with a key this copy has not seen yet may be from a rotation that
 * happened after the cache was filled.
 */
export interface LinkKeySource {
  keys(options?: { fresh?: boolean }): Promise<LinkKeyRing>;
}

/** Keys that never change while the process runs (local mode, tests). */
export function fixedLinkKeys(secrets: readonly string[]): LinkKeySource {
  const ring = linkKeyRing(secrets);
  return { keys: async () => ring };
}
