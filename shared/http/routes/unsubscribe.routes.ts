import type { Context } from "hono";
import { unsubscribeParamsSchema } from "../../schemas/unsubscribe.schema.js";
import { isValidUnsubscribeToken, unsubscribeFromBoosters } from "../../use-cases/unsubscribe.js";
import { htmlPage } from "../html-page.js";
import { htmlContent, tooLarge } from "../openapi-helpers.js";
import type { RouteTable } from "../route-table.js";

const notRecognised = (c: Context) =>
  c.html(
    htmlPage({ title: "Link not recognised", message: "This link is not valid. Please call the clinic." }),
    404,
  );

/** The pages' documented answers; a function, so a bundle without the docs does not build them. */
function pageResponses() {
  return {
    200: htmlContent("The page."),
    404: htmlContent(
      "A link that is malformed, forged, expired, or was sent to an address the patient no longer has.",
    ),
    ...tooLarge,
  };
}

/**
 * The link in booster invitations. GET only shows a button, because mail scanners follow links; the POST
 * (the button, or a mail client's RFC 8058 one-click request) does it. No login: the token is the proof.
 */
export function registerUnsubscribeRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/unsubscribe/{token}",
      operationId: "showUnsubscribePage",
      // The patient's own action (no token: the link is the credential); the page reads their record.
      audit: { target: "patient", id: (input) => patientOfLink(input.params) },
      request: { params: unsubscribeParamsSchema },
      page: { invalidRequest: notRecognised },
    },
    async (c, input, deps) => {
      const token = input.params.token;
      if (!(await isValidUnsubscribeToken(deps, token))) return notRecognised(c);
      return c.html(
        htmlPage({
          title: "Stop follow-up invitations?",
          message:
            "You will no longer be invited to book follow-up sessions by email. Emails about appointments you book still arrive.",
          form: { action: `/unsubscribe/${encodeURIComponent(token)}`, button: "Stop follow-up invitations" },
        }),
        200,
      );
    },
  );
  API_DOCS: routes.describe("showUnsubscribePage", {
    summary: "The booster invitation's opt-out page",
    description:
      "Shows a button that stops follow-up invitations. Changes nothing, because mail scanners open links. The link expires 90 days after it was sent, and when the patient's email address changes.",
    tags: ["patient-pages"],
    responses: pageResponses(),
  });
  routes.add(
    {
      method: "post",
      path: "/unsubscribe/{token}",
      operationId: "unsubscribeFromBoosters",
      // The patient's own action (no token: the link is the credential); the page reads their record.
      audit: { target: "patient", id: (input) => patientOfLink(input.params) },
      request: { params: unsubscribeParamsSchema },
      page: { invalidRequest: notRecognised },
    },
    async (c, input, deps) => {
      if (!(await unsubscribeFromBoosters(deps, input.params.token))) return notRecognised(c);
      return c.html(
        htmlPage({
          title: "Done",
          message:
            "You will not receive further follow-up invitations. You can change this by calling the clinic.",
        }),
        200,
      );
    },
  );
  API_DOCS: routes.describe("unsubscribeFromBoosters", {
    summary: "Stop booster invitations (the page's button, or RFC 8058 one-click)",
    description:
      "Stops booster invitations for the patient the link was sent to; appointment emails still go out. Mail clients POST `List-Unsubscribe=One-Click` here; the body is not read.",
    tags: ["patient-pages"],
    responses: pageResponses(),
  });
}

/** The patient a link names (its first part), for the audit entry; the link's proof is checked elsewhere. */
function patientOfLink(params: unknown): string | undefined {
  const token = (params as { token?: string } | undefined)?.token;
  return token?.split(".")[0] || undefined;
}
