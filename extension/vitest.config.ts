// Unit tests run in WXT's fake browser (WxtVitest + fakeBrowser); the e2e project drives the built
// extension in real headless Chromium.
import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: "unit", include: ["utils/**/*.test.ts", "components/**/*.test.tsx"] },
      },
      { test: { name: "e2e", include: ["e2e/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
