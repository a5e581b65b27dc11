// RU / EN switch; the choice is stored, the default follows the browser.
import { locale, setLocale, t } from "../utils/i18n.ts";

export function LocaleSwitch() {
  return (
    <button type="button" class="link" onClick={() => setLocale(locale.value === "ru" ? "en" : "ru")}>
      {t("language")}
    </button>
  );
}
