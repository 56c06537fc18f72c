import * as z from "zod/mini";

// zod/mini spells bounds out as checks; these name the two shapes the settings use. They live here rather
// than in schemas/common.schema.ts, which imports the domain's schemas.

/** A whole number from `min` to `max`, both included (classic zod's `z.int().min(min).max(max)`). */
export const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** A number, fractions allowed, from `min` to `max`, both included. */
export const numberIn = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
