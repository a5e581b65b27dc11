// Injected into the audited tab on demand (no static host access): handlers live in utils/.
import { registerContentHandlers } from "../utils/content-handlers.ts";

export default defineContentScript({
  registration: "runtime",
  matches: [],
  cssInjectionMode: "ui",
  main(ctx) {
    registerContentHandlers(ctx);
  },
});
