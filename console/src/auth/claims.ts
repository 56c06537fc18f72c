/** The roles of the API (API.md), carried in the token's `cognito:groups`. */
export const ROLES = ["admin", "staff", "clinician"] as const;
export type Role = (typeof ROLES)[number];

export interface Claims {
  sub: string;
  roles: Role[];
  /** Seconds since the epoch. */
  exp: number;
  /** The person's name or email, when the token has one (Cognito's ID token does; local tokens do not). */
  displayName?: string;
}

/**
 * Reads a JWT's payload without checking its signature: the console only uses it to decide what to
 * show. The API checks every token it is sent.
 */
export function readClaims(token: string): Claims {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("not a JWT");
  const json = atob(
    payload
      .replaceAll("-", "+")
      .replaceAll("_", "/")
      .padEnd(Math.ceil(payload.length / 4) * 4, "="),
  );
  const claims = JSON.parse(
    new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))),
  ) as Record<string, unknown>;
  const groups = claims["cognito:groups"];
  // An array in Cognito's tokens; "[admin staff]" once API Gateway has flattened it (as shared/http/roles.ts).
  const names = Array.isArray(groups)
    ? groups.map(String)
    : typeof groups === "string"
      ? groups.replace(/^\[|\]$/g, "").split(/[\s,]+/)
      : [];
  const roles = ROLES.filter((role) => names.includes(role));
  const name =
    typeof claims.name === "string"
      ? claims.name
      : typeof claims.email === "string"
        ? claims.email
        : undefined;
  return {
    sub: String(claims.sub ?? ""),
    roles,
    exp: Number(claims.exp ?? 0),
    ...(name ? { displayName: name } : {}),
  };
}

export function roleLabel(role: Role): string {
  return { admin: "Administrator", staff: "Front desk", clinician: "Clinician" }[role];
}

/** Admins may do everything; the API says the same (shared/http/roles.ts). */
export function can(roles: readonly Role[], ...allowed: Role[]): boolean {
  return roles.includes("admin") || roles.some((r) => allowed.includes(r));
}
