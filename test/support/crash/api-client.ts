import { signLocalToken } from "../../../shared/http/local-token.js";
import type { Role } from "../../../shared/http/roles.js";

export interface ApiResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the crash driver reads many response shapes loosely.
  body: any;
}

/** HTTP calls to a local stack with locally signed tokens; a dead server answers status 0. */
export async function apiClient(baseUrl: () => string) {
  const tokens = new Map<Role, string>();
  for (const role of ["staff", "clinician", "admin"] as const)
    tokens.set(role, await signLocalToken({ roles: [role] }));
  return async function call(
    method: string,
    path: string,
    body?: unknown,
    role: Role = "staff",
  ): Promise<ApiResult> {
    try {
      const res = await fetch(`${baseUrl()}${path}`, {
        method,
        headers: { authorization: `Bearer ${tokens.get(role)}`, "content-type": "application/json" },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    } catch {
      return { status: 0, body: undefined };
    }
  };
}

export type Call = Awaited<ReturnType<typeof apiClient>>;
