// Loads ICU's date and time-zone data for the whole page (intl-warm-up.ts), then ends.
new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).format(0);
close();
