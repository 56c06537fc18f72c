/** A progress line on stderr, timed, so the report on stdout stays a clean table. */
export const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
