// The side panel: sign-in state, the site and its partner/project, the audit, the verdict, the history.
import { useSignal } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { browser } from "#imports";
import { t } from "../utils/i18n.ts";
import { createPanel } from "../utils/panel.ts";
import { type SessionInfo, sessionItem } from "../utils/storage.ts";
import { FindingList } from "./FindingList.tsx";
import { History } from "./History.tsx";
import { LocaleSwitch } from "./LocaleSwitch.tsx";
import { TargetPicker } from "./TargetPicker.tsx";
import { VerdictForm } from "./VerdictForm.tsx";

export function App({ tabId }: { tabId?: number }) {
  const panel = useMemo(() => createPanel(), []);
  const session = useSignal<SessionInfo | null | undefined>(undefined);
  useEffect(() => {
    void sessionItem.getValue().then((s) => {
      session.value = s;
      if (s) void panel.bind(tabId);
    });
    const unwatch = sessionItem.watch((s) => {
      session.value = s;
      if (s) void panel.bind(tabId);
    });
    // Follow the active tab unless bound to one.
    const onActivated = () => void (tabId === undefined && session.value && panel.bind());
    const onUpdated = (id: number, info: { status?: string }) =>
      void (id === panel.tab.value?.id && info.status === "complete" && session.value && panel.bind(id));
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      unwatch();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  const header = (
    <header>
      <h1>Partner Trust · {t("title")}</h1>
      <LocaleSwitch />
    </header>
  );
  if (session.value === undefined) return header;
  if (!session.value)
    return (
      <main>
        {header}
        <p>{t("signInFirst")}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t("openOptions")}
        </button>
      </main>
    );

  const tab = panel.tab.value;
  const p = panel.progress.value;
  return (
    <main>
      {header}
      {tab && tab.url === undefined ? (
        <button type="button" onClick={() => void panel.allowTabs()}>
          {t("allowTab")}
        </button>
      ) : !panel.host.value ? (
        <p>{t("noSite")}</p>
      ) : (
        <>
          <p class="site" data-testid="site">
            {panel.host.value}
          </p>
          <TargetPicker panel={panel} />
          <label class="inline">
            <input
              type="checkbox"
              checked={panel.crawlSite.value}
              onChange={(e) => (panel.crawlSite.value = e.currentTarget.checked)}
            />{" "}
            {t("crawl")}
          </label>
          <button
            type="button"
            class="primary"
            data-testid="run"
            disabled={panel.busy.value === "audit"}
            onClick={() => void panel.run()}
          >
            {panel.audit.value ? t("rerun") : t("runAudit")}
          </button>
          {panel.busy.value === "audit" && (
            <div class="progress" data-testid="progress">
              <progress max={p ? p.done + p.queued + p.inFlight || 1 : 1} value={p?.done ?? 0} />
              <span>
                {t("crawling")}: {p?.done ?? 0} / {p ? p.done + p.queued + p.inFlight : "…"} {t("pages")}
              </span>
              {p?.current && <small>{p.current}</small>}
            </div>
          )}
          {panel.error.value && (
            <p class="error" data-testid="error">
              {panel.error.value === "permission"
                ? t("permissionDenied")
                : `${t("error")}: ${panel.error.value}`}
            </p>
          )}
          <FindingList panel={panel} />
          <VerdictForm panel={panel} />
          <History panel={panel} />
        </>
      )}
    </main>
  );
}
