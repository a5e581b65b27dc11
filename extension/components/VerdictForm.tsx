// The moderator's verdict and note, and submission of the report.
import type { Verdict } from "../utils/api.ts";
import { t } from "../utils/i18n.ts";
import type { Panel } from "../utils/panel.ts";

const verdicts: Verdict[] = ["confirm", "dismiss", "follow_up"];

export function VerdictForm({ panel }: { panel: Panel }) {
  if (!panel.audit.value) return null;
  return (
    <form
      class="verdict"
      onSubmit={(e) => {
        e.preventDefault();
        void panel.submit();
      }}
    >
      <h2>{t("verdict")}</h2>
      {verdicts.map((v) => (
        <label key={v}>
          <input
            type="radio"
            name="verdict"
            value={v}
            checked={panel.verdict.value === v}
            onChange={() => (panel.verdict.value = v)}
          />{" "}
          {t(v)}
        </label>
      ))}
      <label>
        {t("note")}
        <textarea
          name="note"
          maxLength={4000}
          value={panel.note.value}
          onInput={(e) => (panel.note.value = e.currentTarget.value)}
        />
      </label>
      <button type="submit" data-testid="submit" disabled={panel.busy.value === "submit"}>
        {t("submit")}
      </button>
      {panel.submittedId.value && (
        <p class="ok" data-testid="submitted">
          {t("submitted")}: {panel.submittedId.value}
        </p>
      )}
    </form>
  );
}
