/**
 * Loads the browser's date and time-zone data (ICU) off the page's main thread, at boot: the first
 * Intl.DateTimeFormat a fresh page makes costs tens of milliseconds (over 100 on a busy machine), the ones
 * after it well under one, whichever zone they are for, and that data is loaded once per renderer process,
 * so a Worker can pay for it while the page waits on the network. Without it (no Worker), the console's
 * first date, the clinic's today, pays it on the main thread between two requests.
 */
export function warmUpClinicTime(): void {
  if (typeof Worker === "undefined") return;
  try {
    const worker = new Worker(new URL("./intl-warm-up.worker.ts", import.meta.url), { type: "module" });
    const done = () => worker.terminate();
    worker.addEventListener("message", done);
    worker.addEventListener("error", done);
  } catch {
    // Only an optimisation: the first formatter then pays the load itself.
  }
}
