// Which partner or project the site is audited for: matched by the server, or picked by ID.
import { useSignal } from "@preact/signals";
import { t } from "../utils/i18n.ts";
import type { Panel } from "../utils/panel.ts";

export function TargetPicker({ panel }: { panel: Panel }) {
  const partnerId = useSignal("");
  const projectId = useSignal("");
  const targets = panel.targets.value;
  return (
    <section class="target">
      <h2>{t("target")}</h2>
      {targets.length > 0 ? (
        <select
          data-testid="target"
          value={String(panel.selected.value)}
          onChange={(e) => (panel.selected.value = Number(e.currentTarget.value))}
        >
          {targets.map((tg, i) => (
            <option key={i} value={String(i)}>
              {tg.project
                ? `${t("project")}: ${tg.project.title} (${tg.project.host}) — ${tg.partner.name}`
                : `${t("partner")}: ${tg.partner.name}`}
            </option>
          ))}
        </select>
      ) : (
        <p class="muted">{t("noMatch")}</p>
      )}
      <form
        class="pick"
        onSubmit={(e) => {
          e.preventDefault();
          void panel.lookup({
            ...(partnerId.value && { partnerId: partnerId.value }),
            ...(projectId.value && { projectId: projectId.value }),
          });
        }}
      >
        <input
          placeholder={t("pickPartner")}
          value={partnerId.value}
          onInput={(e) => (partnerId.value = e.currentTarget.value)}
        />
        <input
          placeholder={t("pickProject")}
          value={projectId.value}
          onInput={(e) => (projectId.value = e.currentTarget.value)}
        />
        <button type="submit">{t("find")}</button>
      </form>
    </section>
  );
}
