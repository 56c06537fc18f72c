import { createHash } from "node:crypto";
import { expect } from "vitest";

/** The headers every API response carries, whatever its status (README, Security headers). */
export function expectApiHeaders(headers: Headers): void {
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("cache-control")).toBe("no-store");
  expect(headers.get("x-frame-options")).toBe("DENY");
  const csp = directives(headers);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  if (!headers.get("content-type")?.startsWith("text/html"))
    expect(csp.get("default-src")).toEqual(["'none'"]);
}

/** An HTML page's CSP: only its own stylesheet (by hash), no script, forms only to this origin. */
export function expectPageHeaders(headers: Headers, body?: string): void {
  expectApiHeaders(headers);
  const csp = directives(headers);
  expect(csp.get("default-src")).toEqual(["'none'"]);
  expect(csp.get("script-src") ?? ["'none'"]).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  const styles = csp.get("style-src") ?? [];
  for (const source of styles) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(headers.get("content-security-policy")).not.toMatch(/unsafe-|\*|data:|https?:/);
  if (body) {
    for (const [, css] of body.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
      const hash = createHash("sha256")
        .update(css ?? "")
        .digest("base64");
      expect(styles).toContain(`'sha256-${hash}'`);
    }
  }
}

function directives(headers: Headers): Map<string, string[]> {
  const policy = headers.get("content-security-policy") ?? "";
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}
