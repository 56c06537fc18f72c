import { useCallback, useState } from "preact/hooks";

/**
 * The state every form and action button needs: which action is running (its button says so and the
 * others wait), and the last one's error for <ProblemNote>. An error is kept, not thrown: the page says
 * what went wrong and the person can try again. `run` answers whether the action succeeded.
 *
 * An action's `run` also awaits the page's reload of what it changed (the `onDone`/`onChanged` callbacks
 * return that promise): the button stays busy until the page shows the result, so a second click cannot
 * land on a row that is already done, and a form never closes onto the old data.
 */
export function useAction() {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (name: string, action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(name);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, error, run };
}
