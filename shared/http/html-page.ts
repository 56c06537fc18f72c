import { createHash } from "node:crypto";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * The one stylesheet of the pages people open from an email. It is the only style the pages' CSP allows
 * (by its hash, below), so a page adds styles here, never in a `style` attribute or a second element.
 */
const PAGE_STYLE =
  "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}h1{font-size:1.3rem}";

/** The CSP source that allows PAGE_STYLE and nothing else. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash("sha256").update(PAGE_STYLE).digest("base64")}'`;

export interface PageContent {
  title: string;
  message: string;
  /** A form that POSTs to this path, with one button. */
  form?: { action: string; button: string };
}

/** A small, script-free HTML page: a heading, a sentence, and at most one button. */
export function htmlPage({
  title,
  message,
  form,
}: PageContent): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="referrer" content="no-referrer"><title>${title}</title><style>${PAGE_STYLE}</style></head>
<body><h1>${title}</h1><p>${message}</p>
${form ? html`<form method="post" action="${form.action}"><button type="submit">${form.button}</button></form>` : ""}
</body></html>`;
}
