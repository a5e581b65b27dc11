// Browser tests in Debian's headless Chromium; *.test host names resolve to this machine so a test page can
// be served as http://partner.test:<port>/ or http://other.test:<port>/ (host binding of the badge).
import { createServer } from "node:net";
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { signingServer } from "./test/signing-server.ts";

/** A free port, fixed before launch so the *.test origins can be declared secure (WebCrypto needs it). */
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const secure = ["partner.test", "www.partner.test", "sub.partner.test", "other.test"]
  .map((host) => `http://${host}:${port}`)
  .join(",");

export default {
  files: "src/**/*.test.ts",
  nodeResolve: { exportConditions: ["production"] },
  hostname: "localhost",
  port,
  concurrency: 1,
  testFramework: { config: { timeout: 12000 } },
  middleware: [signingServer()],
  plugins: [esbuildPlugin({ ts: true, target: "es2022", tsconfig: "./tsconfig.json" })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: "/usr/bin/chromium",
        headless: true,
        args: [
          "--no-sandbox",
          "--headless=new",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--host-resolver-rules=MAP *.test 127.0.0.1",
          // http://localhost is a secure context; these host names must be declared so (insecure.test is not).
          `--unsafely-treat-insecure-origin-as-secure=${secure}`,
        ],
      },
    }),
  ],
};
