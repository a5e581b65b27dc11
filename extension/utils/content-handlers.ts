// The content script's message handlers: run the audit in place, highlight evidence, report progress.
import { createComputedVisibility, fetchPage } from "@partner-trust/audit";
import type { ContentScriptContext } from "#imports";
import { createHighlighter } from "./highlight.ts";
import { runLiveAudit } from "./live-audit.ts";
import { onMessage, removeAllListeners, sendMessage } from "./messaging.ts";

const REGISTERED = Symbol.for("partner-trust.content-handlers");

/** Registers once per page, however often the side panel injects the script. */
export function registerContentHandlers(ctx: ContentScriptContext): void {
  const g = globalThis as { [REGISTERED]?: boolean };
  if (g[REGISTERED]) return;
  g[REGISTERED] = true;
  const highlighter = createHighlighter(ctx);
  onMessage("ping", () => "pong");
  onMessage("runLiveAudit", ({ data }) =>
    runLiveAudit(data, {
      url: location.href,
      document,
      liveVisibility: createComputedVisibility(window),
      parse: (html) => new DOMParser().parseFromString(html, "text/html"),
      fetch: fetchPage,
      onProgress: (p) => void sendMessage("auditProgress", p).catch(() => undefined),
    }),
  );
  onMessage("highlight", ({ data }) => highlighter.show(data.selector));
  onMessage("clearHighlight", () => highlighter.clear());
  ctx.onInvalidated(() => {
    removeAllListeners();
    g[REGISTERED] = false;
  });
}
