import * as z from "zod/mini";
import { UNSUBSCRIBE_TOKEN_PATTERN } from "../domain/unsubscribe-token.js";

/** `/unsubscribe/{token}`: the shape of a link we send, checked before anything is read. */
export const unsubscribeParamsSchema = z.object({
  token: z
    .string()
    .check(z.maxLength(128), z.regex(UNSUBSCRIBE_TOKEN_PATTERN, { message: "is not an unsubscribe link" }))
    .register(z.globalRegistry, {
      description: "From the booster invitation's link: `<patientId>.<issued day>.<signature>`.",
    }),
});
