// W2 (R4.3): one emblem per current competency, from the same verified token as the badge.
import { html, nothing, type TemplateResult } from "lit";
import { t } from "../core/i18n.ts";
import { PartnerElement } from "../core/partner-element.ts";
import { competencyUrl } from "../core/server.ts";
import { themeStyles } from "../core/theme.styles.ts";
import styles from "./competency-emblems.styles.ts";

/**
 * @summary The partner's current 1C-Bitrix competencies, each linking to the directory filtered by it (W2).
 *
 * Renders nothing while loading, when the partner has no competencies, and unless the status token is
 * verified for this page's host (the same request as the badge's).
 *
 * @csspart emblem - One competency emblem (a link).
 *
 * @cssproperty --pt-font-family - Font of the emblems.
 * @cssproperty --pt-background - Emblem background.
 * @cssproperty --pt-border-color - Emblem border colour.
 * @cssproperty --pt-radius - Emblem corner radius.
 */
export default class PtCompetencyEmblems extends PartnerElement {
  static override styles = [themeStyles, styles];

  override render(): TemplateResult | typeof nothing {
    const v = this.verdict;
    if (v?.state !== "verified" || v.partner.competencies.length === 0) return nothing;
    const lang = this.uiLang;
    const base = this.base;
    return html`<ul aria-label=${t(lang, "competencies")} lang=${lang}>
      ${v.partner.competencies.map(
        (c) => html`<li>
          <a class="root" part="emblem" href=${competencyUrl(base, c.id)} target="_blank"
            ><svg viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="12" cy="12" r="11" fill="#d7232d" />
              <path d="m7 12.5 3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" /></svg
            >${c[lang]}</a
          >
        </li>`,
      )}
    </ul>`;
  }
}
