// Three projects in one `vitest run`: the suite on a libSQL file, the same suite on a real sqld, and e2e.
import { defineConfig } from "vitest/config";

const suite = { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...suite, name: "file", provide: { dbKind: "file" } } },
      { test: { ...suite, name: "sqld", provide: { dbKind: "sqld" } } },
      // Issue 10: the pages' journeys in headless Chromium against the real server (src/pages/journeys/).
      {
        test: {
          name: "browser",
          include: ["src/pages/journeys/**/*.journey.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
