// Earlier audits of this site, newest first.
import { pick, t } from "../utils/i18n.ts";
import type { Panel } from "../utils/panel.ts";

export function History({ panel }: { panel: Panel }) {
  const items = panel.history.value;
  return (
    <section class="history">
      <h2>{t("history")}</h2>
      {items.length === 0 ? (
        <p class="muted">{t("noHistory")}</p>
      ) : (
        <ul data-testid="history">
          {items.map((r) => (
            <li key={r.id}>
              <b>{new Date(r.createdAt).toLocaleString()}</b> — {r.verdict ? t(r.verdict) : "—"} —{" "}
              {r.auditor.name ?? r.auditor.email}
              <br />
              <span class="muted">
                ✔ {r.summary.pass} ✖ {r.summary.fail} ? {r.summary.review} · {r.url}
              </span>
              {r.note && <p>{r.note}</p>}
              <ul class="compact">
                {r.findings
                  .filter((f) => f.verdict !== "pass")
                  .map((f) => (
                    <li key={f.rule}>
                      {f.rule}: {pick(f.message)}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
