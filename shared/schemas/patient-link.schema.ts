import * as z from "zod/mini";
import { PATIENT_ACTIONS, PATIENT_LINK_PATTERN } from "../domain/patient-link.js";

/** `/visit/{token}/{action}`: the shape of a link we send, checked before anything is read. */
export const patientLinkParamsSchema = z.object({
  token: z
    .string()
    .check(z.maxLength(128), z.regex(PATIENT_LINK_PATTERN, { message: "is not an appointment link" }))
    .register(z.globalRegistry, {
      description:
        "From the email's Confirm or Cancel link: `<key id>.<appointment id>.<expiry>.<signature>`. Names no patient and no date.",
    }),
  action: z
    .enum(PATIENT_ACTIONS)
    .register(z.globalRegistry, { description: "What the link offers: `confirm` or `cancel`." }),
});
