/**
 * How many API requests are in flight. The progress bar subscribes and shows itself only when work
 * takes longer than half a second, so quick answers do not flicker.
 */
let inFlight = 0;
const listeners = new Set<(busy: boolean) => void>();

function notify() {
  for (const listener of listeners) listener(inFlight > 0);
}

export function requestStarted(): void {
  inFlight++;
  if (inFlight === 1) notify();
}

export function requestEnded(): void {
  inFlight = Math.max(0, inFlight - 1);
  if (inFlight === 0) notify();
}

export function onBusyChange(listener: (busy: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
