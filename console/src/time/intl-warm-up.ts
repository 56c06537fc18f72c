import { clinicDateOf } from "./clinic-time.js";

/**
 * Loads the browser's date and time-zone data (ICU) now: the first Intl.DateTimeFormat a fresh page makes
 * costs 70-120 ms on a busy machine, the ones after it well under one, whichever zone they are for.
 * Called once the console's first requests are out, so it fills the wait for them; after
 * warmUpClinicTimeAside has run, it is one of the cheap ones.
 */
export function warmUpClinicTime(): void {
  clinicDateOf(new Date().toISOString(), "UTC");
}

/**
 * The same, on a thread of its own, started as the console boots: ICU's data is loaded once per browser
 * process, so a worker that makes one formatter spares the page's own thread that work, which would
 * otherwise sit in the way of the sign-in click or of Today's first render. Only a speed-up: a browser
 * that refuses the worker loses nothing.
 */
export function warmUpClinicTimeAside(): void {
  try {
    new Worker(new URL("./intl-warm-up.worker.ts", import.meta.url), { type: "module" });
  } catch {
    // No worker: warmUpClinicTime still does it on the page's thread.
  }
}
