import { html } from "hono/html";

/**
 * An email body as structure, rendered twice (plain text and HTML) so the two never drift apart
 * and every piece of input text reaches the HTML only through the escaping `html` template.
 */
export type Block =
  | { type: "paragraph"; text: string }
  | { type: "heading"; text: string }
  | { type: "list"; items: string[]; ordered?: boolean }
  | { type: "facts"; rows: { label: string; value: string }[] }
  | { type: "link"; text: string; url: string };

type Html = Exclude<ReturnType<typeof html>, Promise<unknown>>;

// Every interpolation here is a string or a fragment built by this function, so `html` stays synchronous.
function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = html(strings, ...values);
  if (out instanceof Promise) throw new TypeError("email HTML must render synchronously");
  return out;
}

/** Only web links may become anchors: a `javascript:` or `data:` URL from a setting must not. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

export function renderText(blocks: Block[]): string {
  return `${blocks.map(blockText).join("\n\n")}\n`;
}

function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return block.text;
    case "heading":
      return block.text.toUpperCase();
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${item}`).join("\n");
    case "facts":
      return block.rows.map((r) => `${r.label}: ${r.value.split(/\r?\n/).join("\n  ")}`).join("\n");
    case "link":
      return `${block.text}: ${block.url}`;
  }
}

const FONT = "font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;";

function lines(text: string): Html[] {
  return text.split(/\r?\n/).map((line, i) => (i === 0 ? h`${line}` : h`<br>${line}`));
}

function blockHtml(block: Block): Html {
  switch (block.type) {
    case "paragraph":
      return h`<p style="margin:0 0 16px;line-height:1.5">${lines(block.text)}</p>`;
    case "heading":
      return h`<h2 style="margin:24px 0 8px;font-size:17px">${block.text}</h2>`;
    case "list": {
      const items = block.items.map((item) => h`<li style="margin:0 0 6px">${lines(item)}</li>`);
      return block.ordered
        ? h`<ol style="margin:0 0 16px;padding-left:22px;line-height:1.5">${items}</ol>`
        : h`<ul style="margin:0 0 16px;padding-left:22px;line-height:1.5">${items}</ul>`;
    }
    case "facts": {
      const rows = block.rows.map(
        (r) =>
          h`<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;white-space:nowrap">${r.label}</th><td style="padding:4px 0">${lines(r.value)}</td></tr>`,
      );
      return h`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`;
    }
    case "link":
      return isWebUrl(block.url)
        ? h`<p style="margin:0 0 16px;line-height:1.5"><a href="${block.url}">${block.text}</a></p>`
        : h`<p style="margin:0 0 16px;line-height:1.5">${block.text}: ${block.url}</p>`;
  }
}

export function renderHtml(title: string, blocks: Block[]): string {
  const body = blocks.map(blockHtml);
  return h`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f4;color:#222;${FONT}">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;font-size:15px">
${body}
</div>
</body>
</html>
`.toString();
}
