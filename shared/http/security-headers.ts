import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { PAGE_STYLE_SOURCE } from "./html-page.js";

/**
 * Headers on every response, whatever route or error produced it. Answers carry patients' data, so no
 * cache may keep them (`no-store`); no browser may guess a type (`nosniff`) or frame them (clickjacking);
 * and a JSON answer opened in a browser may load nothing. Headers a route set itself are kept, so a page
 * keeps its own CSP and a future static asset may say how long it can be cached.
 */
export const everyResponseHeaders: MiddlewareHandler[] = [
  secureHeaders({
    overwrite: false,
    xFrameOptions: "DENY",
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  }),
  async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  },
];

/**
 * The CSP of HTML pages (the patients' pages today, the staff console's later): no script at all, styles
 * only from the pages' one stylesheet (by hash), forms post only to this origin, never framed.
 * `extraSources` lets a later page allow, say, its own script file (`'self'`) without loosening the rest.
 */
export function htmlPageHeaders(extraSources: { scriptSrc?: string[]; styleSrc?: string[] } = {}) {
  return secureHeaders({
    xFrameOptions: "DENY",
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: extraSources.scriptSrc ?? ["'none'"],
      styleSrc: [PAGE_STYLE_SOURCE, ...(extraSources.styleSrc ?? [])],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });
}
