// Findings A1–A7 with their evidence; live-page evidence can be shown on the page or screenshotted.
import type { Finding } from "@partner-trust/audit";
import { pick, t } from "../utils/i18n.ts";
import type { Panel } from "../utils/panel.ts";

const badge = { pass: "✔", fail: "✖", review: "?" } as const;

export function FindingItem({ finding, panel }: { finding: Finding; panel: Panel }) {
  return (
    <li class={`finding ${finding.verdict}`} data-rule={finding.rule} data-verdict={finding.verdict}>
      <div class="head">
        <span class="badge" title={t(finding.verdict)}>
          {badge[finding.verdict]}
        </span>
        <b>{finding.rule}</b> <span class="verdict">{t(finding.verdict)}</span>
      </div>
      <p class="message">{pick(finding.message)}</p>
      {finding.evidence.length > 0 && (
        <ul class="evidence">
          {finding.evidence.slice(0, 8).map((ev, i) => (
            <li key={i}>
              <span class="where">{ev.header ?? ev.selector ?? ev.url}</span>
              {ev.excerpt && <q>{ev.excerpt}</q>}
              {panel.onLivePage(ev) && (
                <span class="actions">
                  <button
                    type="button"
                    class="link"
                    data-testid="show-evidence"
                    onClick={() => panel.highlight(ev)}
                  >
                    {t("showOnPage")}
                  </button>
                  <button
                    type="button"
                    class="link"
                    data-testid="screenshot-evidence"
                    onClick={() => panel.screenshot(finding.rule, ev)}
                  >
                    {t("screenshot")}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function FindingList({ panel }: { panel: Panel }) {
  const audit = panel.audit.value;
  if (!audit) return null;
  return (
    <section>
      <h2>{t("findings")}</h2>
      <ul class="findings" data-testid="findings">
        {audit.findings.map((f) => (
          <FindingItem key={f.rule} finding={f} panel={panel} />
        ))}
      </ul>
      <h3>
        {t("pages")}: {audit.pages.length}
      </h3>
      <ul class="pages" data-testid="pages">
        {audit.pages.map((p) => (
          <li key={p.url} data-verdict={p.findings[0]?.verdict}>
            <span class={`badge ${p.findings[0]?.verdict}`}>{badge[p.findings[0]?.verdict ?? "review"]}</span>{" "}
            {p.live ? "● " : ""}
            {p.url}
            {p.findings[0] && p.findings[0].verdict !== "pass" && (
              <small class="muted"> — {pick(p.findings[0].message)}</small>
            )}
          </li>
        ))}
      </ul>
      {audit.skipped.length > 0 && (
        <details class="skipped">
          <summary>
            {t("skipped")}: {audit.skipped.length}
          </summary>
          <ul>
            {audit.skipped.map((s) => (
              <li key={s.url}>
                {s.url} — {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {panel.screenshots.value.length > 0 && (
        <div class="shots">
          {panel.screenshots.value.map((s, i) => (
            <img key={i} src={s.dataUrl} alt={`${s.rule} ${s.selector ?? ""}`} />
          ))}
        </div>
      )}
    </section>
  );
}
