import { createHash } from "node:crypto";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * The one stylesheet of the pages people open from an email. It is the only style the pages' CSP allows
 * (by its hash, below), so a page adds styles here, never in a `style` attribute or a second element.
 * Calm and readable on a phone: large type, one column, a full-width button easy to hit with a thumb,
 * colours well above WCAG AA contrast.
 */
const PAGE_STYLE = [
  "body{font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:#1f2933;background:#f7f7f5;max-width:32rem;margin:0 auto;padding:2rem 1.25rem}",
  "h1{font-size:1.4rem;line-height:1.3;margin:0 0 1rem}",
  ".clinic{font-size:1rem;color:#4a5560;margin:0 0 .5rem}",
  "dl{background:#fff;border:1px solid #d5d9dd;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1.25rem}",
  "dt{font-size:.95rem;color:#4a5560}dd{margin:0;font-weight:600}dd+dt{margin-top:.5rem}",
  "button{display:block;width:100%;min-height:3rem;font:inherit;font-weight:600;color:#fff;background:#1d5c8f;border:0;border-radius:.5rem;padding:.75rem 1rem;cursor:pointer}",
  "button:focus-visible,a:focus-visible{outline:3px solid #f2b200;outline-offset:2px}",
  "a{color:#1d5c8f}",
].join("");

/** The CSP source that allows PAGE_STYLE and nothing else. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash("sha256").update(PAGE_STYLE).digest("base64")}'`;

export interface PageContent {
  title: string;
  message: string;
  /** Who the page is from (the clinic's name as emails show it), above the heading. */
  from?: string;
  /** What the page is about, as label and value rows: "When", "Tuesday, 8 December 2026 at 10:00 AM EST". */
  facts?: { label: string; value: string }[];
  /** A form that POSTs to this path, with one button. */
  form?: { action: string; button: string };
  /** A phone number to call, shown as a link a phone can dial. */
  phone?: string;
}

/** A small, script-free HTML page: a heading, a sentence, and at most one button. */
export function htmlPage({
  title,
  message,
  from,
  facts,
  form,
  phone,
}: PageContent): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title><style>${PAGE_STYLE}</style></head>
<body><main>${from ? html`<p class="clinic">${from}</p>` : ""}<h1>${title}</h1>
${facts?.length ? html`<dl>${facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>` : ""}
<p>${message}</p>
${form ? html`<form method="post" action="${form.action}"><button type="submit">${form.button}</button></form>` : ""}
${phone ? html`<p>Call us: <a href="tel:${phone.replace(/[^+\d]/g, "")}">${phone}</a></p>` : ""}
</main></body></html>`;
}
