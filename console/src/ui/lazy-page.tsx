import type { ComponentType, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * A page whose code is fetched the first time it is shown (Vite puts each `import()` in a chunk of its
 * own): the first screen, sign-in then Today, does not download, parse or compile the pages it does not
 * show. Later visits render it at once. A failed fetch (a new deployment replaced the files, the network
 * dropped) says so and offers a reload, which fetches the current build.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchPage = () => {
    loading ??= load().then(
      (page) => {
        loaded = page;
        return page;
      },
      (error: unknown) => {
        // The next visit tries again.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  return function LazyPage(props: P): JSX.Element {
    const [page, setPage] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (page) return;
      let current = true;
      fetchPage().then(
        (p) => current && setPage(() => p),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [page]);

    if (page) {
      const Page = page;
      return <Page {...props} />;
    }
    if (failed) {
      return (
        <div class="problem" role="alert">
          <p>This page could not be loaded.</p>
          <p class="next">
            <button type="button" class="button secondary" onClick={() => location.reload()}>
              Reload the console
            </button>
          </p>
        </div>
      );
    }
    return (
      <p class="hint" aria-busy="true">
        Loading the page…
      </p>
    );
  };
}
