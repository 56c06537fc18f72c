import type { Context } from "hono";
import type { Clinic } from "../../domain/clinic.js";
import type { AnswerRefusal } from "../../domain/patient-answer.js";
import { type PatientAction, readPatientLink } from "../../domain/patient-link.js";
import type { Appointment } from "../../domain/types.js";
import { longDateTime } from "../../email/local-format.js";
import { publicClinicName } from "../../email/subject-line.js";
import { patientLinkParamsSchema } from "../../schemas/patient-link.schema.js";
import { type Deps, loadClinic } from "../../use-cases/deps.js";
import { answerFromLink, type LinkAnswer, viewAnswerLink } from "../../use-cases/patient-answers.js";
import { htmlPage, type PageContent } from "../html-page.js";
import { htmlContent, tooLarge } from "../openapi-helpers.js";
import type { RouteTable } from "../route-table.js";

/** The pages' documented answers; a function, so a bundle without the docs does not build them. */
function pageResponses() {
  return {
    200: htmlContent("The page: what the link offers (GET), or that the answer was recorded (POST)."),
    404: htmlContent(
      "A link that is malformed, forged, expired, or whose appointment is gone: call the clinic.",
    ),
    409: htmlContent(
      "A good link that cannot do what it offers now: already confirmed or cancelled, moved, begun, or too late to cancel online (call the clinic).",
    ),
    ...tooLarge,
  };
}

/** Every page names the clinic as emails do (never a name that gives the treatment away) and its phone. */
const fromClinic = (clinic: Clinic) => ({ from: publicClinicName(clinic), phone: clinic.phone });
const when = (clinic: Clinic, appointment: Appointment) => [
  { label: "When", value: longDateTime(appointment.start, clinic.timezone) },
];

function notRecognisedPage(clinic: Clinic): PageContent {
  return {
    ...fromClinic(clinic),
    title: "Link not recognised",
    message:
      "This link is not valid or has expired, so nothing was changed. Please call the clinic about your appointment.",
  };
}

const REFUSED: Record<AnswerRefusal, (clinic: Clinic) => Pick<PageContent, "title" | "message">> = {
  "already-confirmed": () => ({
    title: "You have already confirmed",
    message: "Thank you: we already have your confirmation. Nothing else is needed.",
  }),
  cancelled: () => ({
    title: "This appointment is cancelled",
    message: "It was already cancelled, so nothing was changed. To book another time, please call us.",
  }),
  moved: () => ({
    title: "This appointment has changed",
    message:
      "Its time has changed since this email was sent, so nothing was changed. Please use the links in our latest email, or call us.",
  }),
  started: () => ({
    title: "This link has expired",
    message: "The time of this appointment has come, so nothing was changed. Please call us if you need to.",
  }),
  "too-late-to-cancel": (clinic) => ({
    title: "Please call us to cancel",
    message: `It is less than ${clinic.cancellationNoticeHours} hours before your appointment, so it can no longer be cancelled online and nothing was changed. Please call us: we may be able to offer the time to someone else.`,
  }),
};

const ASK: Record<PatientAction, Pick<PageContent, "title" | "message"> & { button: string }> = {
  confirm: {
    title: "Confirm your appointment",
    message: "Please let us know that you will come.",
    button: "Yes, I will be there",
  },
  cancel: {
    title: "Cancel your appointment?",
    message: "If you cannot come, cancel here and we will free the time for someone else.",
    button: "Cancel this appointment",
  },
};

const DONE: Record<PatientAction, Pick<PageContent, "title" | "message">> = {
  confirm: { title: "Thank you, you are confirmed", message: "We look forward to seeing you." },
  cancel: {
    title: "Your appointment is cancelled",
    message: "We will email you to confirm. To book another time, please call us.",
  },
};

/** The page of an answer, and its status. */
function pageOf(answer: LinkAnswer, action: PatientAction, path: string): [PageContent, 200 | 404 | 409] {
  const { clinic } = answer;
  switch (answer.outcome) {
    case "not-recognised":
      return [notRecognisedPage(clinic), 404];
    case "refused":
      return [
        {
          ...fromClinic(clinic),
          facts: when(clinic, answer.appointment),
          ...REFUSED[answer.refusal](clinic),
        },
        409,
      ];
    case "ask": {
      const { button, ...text } = ASK[action];
      const page = { ...fromClinic(clinic), facts: when(clinic, answer.appointment), ...text };
      return [{ ...page, form: { action: path, button } }, 200];
    }
    case "done":
      return [{ ...fromClinic(clinic), facts: when(clinic, answer.appointment), ...DONE[action] }, 200];
  }
}

/**
 * The Confirm and Cancel links in confirmations and day-before reminders. GET shows the appointment and a
 * button and changes nothing, because mail scanners open links; the button POSTs the answer. No login: the
 * signed link is the credential, and it names one appointment, not the patient.
 */
export function registerPatientAnswerRoutes(routes: RouteTable): void {
  const notRecognised = async (c: Context, deps: Deps) =>
    c.html(htmlPage(notRecognisedPage(await loadClinic(deps))), 404);
  const audit = {
    target: "appointment",
    id: (input: { params?: unknown }) => appointmentOfLink(input.params),
  };
  routes.add(
    {
      method: "get",
      path: "/visit/{token}/{action}",
      operationId: "showAppointmentAnswerPage",
      // The patient's own action (no token: the link is the credential); the page reads their appointment.
      audit,
      request: { params: patientLinkParamsSchema },
      page: { invalidRequest: notRecognised },
    },
    async (c, input, deps) => {
      const { token, action } = input.params;
      const [page, status] = pageOf(await viewAnswerLink(deps, token, action), action, c.req.path);
      return c.html(htmlPage(page), status);
    },
  );
  API_DOCS: routes.describe("showAppointmentAnswerPage", {
    summary: "The email's Confirm or Cancel page",
    description:
      "Shows the clinic, the appointment's date and time in the clinic's zone, and a button that POSTs the answer. Changes nothing, because mail scanners open links. A link stops working when its appointment starts; a refused link shows a page that asks the patient to call.",
    tags: ["patient-pages"],
    responses: pageResponses(),
  });
  routes.add(
    {
      method: "post",
      path: "/visit/{token}/{action}",
      operationId: "answerAppointmentFromEmail",
      audit,
      request: { params: patientLinkParamsSchema },
      page: { invalidRequest: notRecognised },
    },
    async (c, input, deps) => {
      const { token, action } = input.params;
      const [page, status] = pageOf(await answerFromLink(deps, token, action), action, c.req.path);
      return c.html(htmlPage(page), status);
    },
  );
  API_DOCS: routes.describe("answerAppointmentFromEmail", {
    summary: "Confirm or cancel an appointment from the email (the page's button)",
    description:
      '`confirm` sets the appointment\'s `confirmation` to `confirmed`. `cancel` cancels it as staff would (reminders cancelled, the usual notice sent), recording `cancelledBy: "patient"`, until `cancellationNoticeHours` before the start; later the page asks the patient to call. A link already used, moved, expired or forged changes nothing. The body is not read.',
    tags: ["patient-pages"],
    responses: pageResponses(),
  });
}

/** The appointment a link names, for the audit entry; the link's signature is checked elsewhere. */
function appointmentOfLink(params: unknown): string | undefined {
  const token = (params as { token?: string } | undefined)?.token;
  return token ? readPatientLink(token)?.appointmentId : undefined;
}
