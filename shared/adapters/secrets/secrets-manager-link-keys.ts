import { GetSecretValueCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type LinkKeyRing, linkKeyRing } from "../../domain/patient-link.js";
import type { LinkKeySource } from "../../ports/link-keys.js";

/** Long enough that a busy function reads the secret rarely, short enough that a rotation lands soon. */
const CACHE_MS = 5 * 60_000;
/** A fresh read asked for by an unknown key id (a forged link, say) happens at most this often. */
const FRESH_AT_MOST_EVERY_MS = 30_000;

/**
 * The link keys from one Secrets Manager secret: its `AWSCURRENT` version signs, and its `AWSPREVIOUS`
 * version still verifies. Rotating (a new version becomes current) moves the old key to previous by
 * itself, so links already in mailboxes keep working until they expire or the next rotation.
 */
export class SecretsManagerLinkKeys implements LinkKeySource {
  private cached?: { ring: LinkKeyRing; at: number };
  private inFlight?: Promise<LinkKeyRing>;

  constructor(
    private readonly client: Pick<SecretsManagerClient, "send">,
    private readonly secretId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async keys(options: { fresh?: boolean } = {}): Promise<LinkKeyRing> {
    const cached = this.cached;
    const age = cached ? this.now() - cached.at : Number.POSITIVE_INFINITY;
    if (cached && age < (options.fresh ? FRESH_AT_MOST_EVERY_MS : CACHE_MS)) return cached.ring;
    this.inFlight ??= this.read().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async read(): Promise<LinkKeyRing> {
    const [current, previous] = await Promise.all([
      this.version("AWSCURRENT"),
      // A secret never rotated has no previous version: that is not an error.
      this.version("AWSPREVIOUS").catch((error: unknown) => {
        if ((error as { name?: string }).name === "ResourceNotFoundException") return undefined;
        throw error;
      }),
    ]);
    const ring = linkKeyRing([current ?? "", previous ?? ""]);
    this.cached = { ring, at: this.now() };
    return ring;
  }

  private async version(stage: string): Promise<string | undefined> {
    const out = await this.client.send(
      new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }),
    );
    return out.SecretString;
  }
}
