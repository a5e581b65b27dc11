// Three projects in one `vitest run`: the suite on a libSQL file, the same suite on a real sqld, and e2e.
import { defineConfig } from "vitest/config";

const suite = { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...suite, name: "file", provide: { dbKind: "file" } } },
      { test: { ...suite, name: "sqld", provide: { dbKind: "sqld" } } },
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
