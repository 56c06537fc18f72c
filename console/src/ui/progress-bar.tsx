import { useEffect, useState } from "preact/hooks";
import { onBusyChange } from "../api/progress.js";

/** Half a second: quicker answers need no sign of progress, and a flash of a bar is only noise. */
export const PROGRESS_DELAY_MS = 500;

/** A thin bar across the top while any request has taken longer than half a second. */
export function ProgressBar() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onBusyChange((busy) => {
      clearTimeout(timer);
      if (busy) timer = setTimeout(() => setVisible(true), PROGRESS_DELAY_MS);
      else setVisible(false);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);
  return visible ? <div class="progress" role="progressbar" aria-label="Working…" /> : null;
}
