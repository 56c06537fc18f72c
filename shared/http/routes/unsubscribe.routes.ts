import { html } from "hono/html";
import { isValidUnsubscribeToken, unsubscribeFromBoosters } from "../../use-cases/unsubscribe.js";
import type { AppOptions } from "../app-env.js";
import type { RouteTable } from "../route-table.js";

const page = (title: string, message: string, form?: string) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
<h1 style="font-size: 1.3rem">${title}</h1><p>${message}</p>
${form ? html`<form method="post" action="${form}"><button type="submit">Stop follow-up invitations</button></form>` : ""}
</body></html>`;

/**
 * The link in booster invitations. GET only shows a button, because mail scanners follow links; the POST
 * (the button, or a mail client's RFC 8058 one-click request) does it. No login: the token is the proof.
 */
export function registerUnsubscribeRoutes(routes: RouteTable, { deps }: AppOptions): void {
  routes.app.get("/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    if (!(await isValidUnsubscribeToken(deps, token))) {
      return c.html(page("Link not recognised", "This link is not valid. Please call the clinic."), 404);
    }
    return c.html(
      page(
        "Stop follow-up invitations?",
        "You will no longer be invited to book follow-up sessions by email. Emails about appointments you book still arrive.",
        `/unsubscribe/${encodeURIComponent(token)}`,
      ),
    );
  });
  routes.app.post("/unsubscribe/:token", async (c) => {
    const done = await unsubscribeFromBoosters(deps, c.req.param("token"));
    if (!done)
      return c.html(page("Link not recognised", "This link is not valid. Please call the clinic."), 404);
    return c.html(
      page(
        "Done",
        "You will not receive further follow-up invitations. You can change this by calling the clinic.",
      ),
    );
  });
}
