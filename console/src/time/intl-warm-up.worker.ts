/**
 * Runs in a Worker the console starts at boot (warmUpClinicTime): the browser's date and time-zone data
 * (ICU) are loaded once per renderer process, so formatting a date here, on another thread, spares the
 * page's main thread that first, slow load.
 */
new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
  timeZone: "UTC",
}).formatToParts(new Date());
postMessage("warm");
