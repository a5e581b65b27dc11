// The side panel's state and actions (signals): which tab and site, the matched partner/project, the live
// audit with crawl progress, evidence highlighting and screenshots, the verdict, submission and history.

import type { CrawlProgress, Evidence } from "@partner-trust/audit";
import { computed, signal } from "@preact/signals";
import { browser } from "#imports";
import type { Api, AuditTarget, Screenshot, StoredReport, Verdict } from "./api.ts";
import { type LiveAuditResult, onMessage, sendMessage } from "./messaging.ts";
import { buildReport, MAX_SCREENSHOTS } from "./report.ts";
import { cropCapture } from "./screenshot.ts";
import { ensureContentScript, isAuditable, requestSiteAccess } from "./site-access.ts";

export interface PanelDeps {
  api: () => Promise<Api>;
  send: typeof sendMessage;
  crop: typeof cropCapture;
}

const defaults: PanelDeps = {
  api: async () => (await import("./session.ts")).currentApi(),
  send: sendMessage,
  crop: cropCapture,
};

/**
 * captureVisibleTab needs activeTab (granted when the panel is opened from the toolbar button) or
 * <all_urls>; without activeTab the optional <all_urls> is asked for once, on this click.
 */
async function captureVisible(windowId: number): Promise<string> {
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: "png" });
  } catch (e) {
    if (!/permission/i.test(String(e))) throw e;
    if (!(await browser.permissions.request({ origins: ["<all_urls>"] }))) throw e;
    return browser.tabs.captureVisibleTab(windowId, { format: "png" });
  }
}

export function createPanel(deps: PanelDeps = defaults) {
  const tab = signal<{ id: number; windowId: number; url: string | undefined } | null>(null);
  const targets = signal<AuditTarget[]>([]);
  const selected = signal<number>(0);
  const audit = signal<LiveAuditResult | null>(null);
  const progress = signal<CrawlProgress | null>(null);
  const busy = signal<"" | "lookup" | "audit" | "submit" | "history">("");
  const error = signal<string>("");
  const verdict = signal<Verdict>("confirm");
  const note = signal("");
  const screenshots = signal<Screenshot[]>([]);
  const submittedId = signal<string>("");
  const history = signal<StoredReport[]>([]);
  const crawlSite = signal(true);

  const host = computed(() => (isAuditable(tab.value?.url) ? new URL(tab.value.url).hostname : ""));
  const target = computed(() => targets.value[selected.value] ?? null);

  const fail = (e: unknown) => {
    error.value = e instanceof Error ? e.message : String(e);
  };

  /** Binds the panel to a tab: `?tabId=` when opened as a page, else the active tab of this window. */
  async function bind(tabId?: number): Promise<void> {
    const t =
      tabId !== undefined
        ? await browser.tabs.get(tabId)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (!t?.id) return;
    tab.value = { id: t.id, windowId: t.windowId, url: t.url };
    audit.value = null;
    submittedId.value = "";
    screenshots.value = [];
    if (host.value) await Promise.all([lookup(), loadHistory()]);
  }

  async function lookup(pick: { partnerId?: string; projectId?: string } = {}): Promise<void> {
    if (!host.value) return;
    busy.value = "lookup";
    error.value = "";
    try {
      const res = await (await deps.api()).lookup({ host: host.value, ...pick });
      targets.value = res.targets;
      selected.value = 0;
    } catch (e) {
      fail(e);
    } finally {
      busy.value = "";
    }
  }

  async function loadHistory(): Promise<void> {
    if (!host.value) return;
    try {
      history.value = await (await deps.api()).listReports(host.value);
    } catch (e) {
      fail(e);
    }
  }

  /** Click handler: asks for the site first (user gesture), then injects and audits in place. */
  async function run(): Promise<void> {
    const t = tab.value;
    if (!t || !isAuditable(t.url)) return;
    error.value = "";
    const granted = await requestSiteAccess(t.url);
    if (!granted) {
      error.value = "permission";
      return;
    }
    busy.value = "audit";
    progress.value = null;
    submittedId.value = "";
    screenshots.value = [];
    const stop = onMessage("auditProgress", ({ data }) => {
      progress.value = data;
    });
    try {
      await ensureContentScript(t.id);
      const tg = target.value;
      audit.value = await deps.send(
        "runLiveAudit",
        {
          crawl: crawlSite.value,
          ...(tg?.card && { card: tg.card }),
          ...(tg && { knownKeys: tg.knownKeys }),
        },
        t.id,
      );
    } catch (e) {
      fail(e);
    } finally {
      stop();
      busy.value = "";
    }
  }

  /** Without activeTab (panel not opened from the toolbar) the tab's URL is hidden: ask once for "tabs". */
  async function allowTabs(): Promise<void> {
    if (await browser.permissions.request({ permissions: ["tabs"] })) await bind(tab.value?.id);
  }

  /** Evidence of the live page can be shown in place. */
  const onLivePage = (ev: Evidence) => !!ev.selector && !!audit.value && ev.url === audit.value.url;

  async function highlight(ev: Evidence): Promise<void> {
    const t = tab.value;
    if (!t || !ev.selector) return;
    try {
      await ensureContentScript(t.id);
      await deps.send("highlight", { selector: ev.selector }, t.id);
      await browser.tabs.update(t.id, { active: true });
    } catch (e) {
      fail(e);
    }
  }

  async function screenshot(rule: string, ev: Evidence): Promise<void> {
    const t = tab.value;
    if (!t || !ev.selector || screenshots.value.length >= MAX_SCREENSHOTS) return;
    try {
      await ensureContentScript(t.id);
      await browser.tabs.update(t.id, { active: true });
      const box = await deps.send("highlight", { selector: ev.selector }, t.id);
      if (!box) throw new Error(`no element: ${ev.selector}`);
      await new Promise((r) => setTimeout(r, 150)); // let the overlay paint
      const shot = await captureVisible(t.windowId);
      const dataUrl = await deps.crop(shot, box);
      screenshots.value = [...screenshots.value, { rule, selector: ev.selector, url: ev.url, dataUrl }];
    } catch (e) {
      fail(e);
    }
  }

  async function submit(): Promise<void> {
    if (!audit.value) return;
    busy.value = "submit";
    error.value = "";
    try {
      const report = buildReport({
        audit: audit.value,
        target: target.value,
        verdict: verdict.value,
        note: note.value,
        screenshots: screenshots.value,
      });
      submittedId.value = (await (await deps.api()).submitReport(report)).id;
      await loadHistory();
    } catch (e) {
      fail(e);
    } finally {
      busy.value = "";
    }
  }

  return {
    tab,
    host,
    targets,
    selected,
    target,
    audit,
    progress,
    busy,
    error,
    verdict,
    note,
    screenshots,
    submittedId,
    history,
    crawlSite,
    bind,
    allowTabs,
    lookup,
    loadHistory,
    run,
    onLivePage,
    highlight,
    screenshot,
    submit,
  };
}

export type Panel = ReturnType<typeof createPanel>;
