import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod's English messages ("Too big: expected string to have <=100 characters"). zod/mini loads no locale, and
 * without one every failed check reads "Invalid input"; clients see these messages in problem+json `errors`.
 * Imported for its effect, before anything parses: by every Lambda entry (functions/*.ts), the route table,
 * readEnv, infra/config.ts and the tests' setup (vitest.config.ts).
 */
config(en());
