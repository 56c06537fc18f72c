import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping the current data on screen until the new data is there. */
  reload(): Promise<void>;
}

/**
 * Data for a page: loads when `key` changes and ignores answers that arrive after a newer request (a
 * quick click through dates must not show Tuesday's list under Wednesday's heading). `ready` is data
 * already at hand for the first key (a prefetch that has arrived): shown in the first render, not loaded
 * again until the key changes or someone reloads.
 */
export function useLoad<T>(load: () => Promise<T>, key: readonly unknown[], ready?: T): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>(() =>
    ready === undefined ? { loading: true } : { data: ready, loading: false },
  );
  const skipFirstLoad = useRef(ready !== undefined);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loadRef.current();
      if (mine === generation.current) setState({ data, loading: false });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ data: s.data, error, loading: false }));
    }
  }, []);
  // The caller's key says when to load again.
  useEffect(() => {
    if (skipFirstLoad.current) skipFirstLoad.current = false;
    else void reload();
  }, key);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
