// W3 (R2.3 decision, R5.5d): the quality-program seal, only for verified QM participants.
import { html, nothing, type TemplateResult } from "lit";
import { t } from "../core/i18n.ts";
import { PartnerElement } from "../core/partner-element.ts";
import { withHost } from "../core/server.ts";
import { themeStyles } from "../core/theme.styles.ts";

/**
 * @summary «Участник программы качества 1С-Битрикс» for verified quality-program participants (W3).
 *
 * Renders nothing while loading, for non-participants, and unless the status token is verified for this
 * page's host. Links to the partner's verification page with `?host=<this host>`.
 *
 * @cssproperty --pt-background - Seal background.
 * @cssproperty --pt-border-color - Seal border colour.
 * @cssproperty --pt-radius - Seal corner radius.
 */
export default class PtQualitySeal extends PartnerElement {
  static override styles = themeStyles;

  override render(): TemplateResult | typeof nothing {
    const v = this.verdict;
    if (v?.state !== "verified" || !v.partner.qmParticipant) return nothing;
    const lang = this.uiLang;
    return html`<a class="root" href=${withHost(v.partner.verifyUrl)} target="_blank" lang=${lang}
      ><svg viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="16" cy="16" r="15" fill="#d7232d" />
        <path d="m16 8 2.4 5 5.4.6-4 3.7 1.1 5.4L16 20l-4.9 2.7 1.1-5.4-4-3.7 5.4-.6Z" fill="#fff" /></svg
      ><span class="protected quality">${t(lang, "seal")}</span></a
    >`;
  }
}
