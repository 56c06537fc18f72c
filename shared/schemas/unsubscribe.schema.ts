import * as z from "zod";
import { UNSUBSCRIBE_TOKEN_PATTERN } from "../domain/unsubscribe-token.js";

/** `/unsubscribe/{token}`: the shape of a link we send, checked before anything is read. */
export const unsubscribeParamsSchema = z.object({
  token: z
    .string()
    .max(128)
    .regex(UNSUBSCRIBE_TOKEN_PATTERN, { message: "is not an unsubscribe link" })
    .meta({
      description: "From the booster invitation's link: `<patientId>.<issued day>.<signature>`.",
    }),
});
