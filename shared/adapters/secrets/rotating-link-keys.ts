import { type LinkKeyRing, linkKeyRing } from "../../domain/patient-link.js";
import type { LinkKeySource } from "../../ports/link-keys.js";

/** Long enough that a busy function reads the secret rarely, short enough that a rotation lands soon. */
const CACHE_MS = 5 * 60_000;
/** A fresh read asked for by an unknown key id (a forged link, say) happens at most this often. */
const FRESH_AT_MOST_EVERY_MS = 30_000;

/**
 * One version of a Secrets Manager secret by staging label: its string, or undefined when the secret has
 * no version with that label (a secret never rotated has no `AWSPREVIOUS`). Any other failure throws.
 */
export type SecretVersionReader = (stage: "AWSCURRENT" | "AWSPREVIOUS") => Promise<string | undefined>;

/**
 * The link keys from one Secrets Manager secret: its `AWSCURRENT` version signs, and its `AWSPREVIOUS`
 * version still verifies. Rotating (a new version becomes current) moves the old key to previous by
 * itself, so links already in mailboxes keep working until they expire or the next rotation.
 */
export class RotatingLinkKeys implements LinkKeySource {
  private cached?: { ring: LinkKeyRing; at: number };
  private inFlight?: Promise<LinkKeyRing>;

  constructor(
    private readonly version: SecretVersionReader,
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
    const [current, previous] = await Promise.all([this.version("AWSCURRENT"), this.version("AWSPREVIOUS")]);
    const ring = linkKeyRing([current ?? "", previous ?? ""]);
    this.cached = { ring, at: this.now() };
    return ring;
  }
}
