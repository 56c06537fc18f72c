import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/** The pages shell.tsx fetches when first opened (lazyPage): each a chunk of its own. */
const LAZY_PAGE = /\/src\/pages\/(book|patient|clinician|staff|clinic)\//;

export default defineConfig({
  root,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Everything but the lazy pages' own modules in one chunk beside the entry: the first screen is
        // two requests, not one per module the pages happen to share.
        codeSplitting: { groups: [{ name: "console", test: (id: string) => !LAZY_PAGE.test(id) }] },
      },
    },
  },
});
