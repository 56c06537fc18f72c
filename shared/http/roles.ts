export const ROLES = ["admin", "staff", "clinician"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  roles: Role[];
}

/**
 * Reads `cognito:groups`. Cognito puts an array in the token, but API Gateway's JWT authorizer hands
 * claims to Lambda flattened to strings such as "[admin staff]": accept both, and a plain "admin".
 */
export function parseGroups(claim: unknown): Role[] {
  let names: string[] = [];
  if (Array.isArray(claim)) names = claim.filter((g): g is string => typeof g === "string");
  else if (typeof claim === "string") names = claim.replace(/^\[|\]$/g, "").split(/[\s,]+/);
  return ROLES.filter((role) => names.includes(role));
}

/** Admins may do everything; everyone else needs one of the listed roles. */
export function isAllowed(principal: Principal, allowed: readonly Role[]): boolean {
  return principal.roles.includes("admin") || principal.roles.some((r) => allowed.includes(r));
}
