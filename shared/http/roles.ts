export const ROLES = ["admin", "staff", "clinician"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  roles: Role[];
}

// API Gateway's JWT authorizer flattens an array claim to "[a b c]": brackets, names split by whitespace.
const FLATTENED_ARRAY = /^\[([^[\]]*)\]$/;

/**
 * Reads `cognito:groups`. Cognito puts an array in the token; API Gateway's JWT authorizer hands claims
 * to Lambda flattened to a string such as "[admin staff]". Only exact group names count: a role is
 * power, so "x,admin", "[interns,admin]" or a bare "admin" (neither form) grant nothing.
 */
export function parseGroups(claim: unknown): Role[] {
  let names: unknown[] = [];
  if (Array.isArray(claim)) names = claim;
  else if (typeof claim === "string") names = FLATTENED_ARRAY.exec(claim)?.[1]?.split(/\s+/) ?? [];
  return ROLES.filter((role) => names.includes(role));
}

/** Admins may do everything; everyone else needs one of the listed roles. */
export function isAllowed(principal: Principal, allowed: readonly Role[]): boolean {
  return principal.roles.includes("admin") || principal.roles.some((r) => allowed.includes(r));
}
