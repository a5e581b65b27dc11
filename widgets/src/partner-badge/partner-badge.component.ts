// W1 (R2.8): the partner's live, signed status, bound to the partner's registered domains.
import { html, nothing, type TemplateResult } from "lit";
import { formatDate, t } from "../core/i18n.ts";
import { PartnerElement } from "../core/partner-element.ts";
import { partnerPageUrl, withHost } from "../core/server.ts";
import { themeStyles } from "../core/theme.styles.ts";
import styles from "./partner-badge.styles.ts";

/**
 * @summary Verifiable partner badge: name, status and valid-until date of a 1C-Bitrix partner (W1).
 *
 * The status comes in a token signed by the Partner Trust server (ES256, checked in the browser) and is shown
 * only when the signature is valid, the token is current and this page's host is one of the partner's
 * registered domains. Otherwise the badge says «Размещение не подтверждено» (another domain: name, no
 * status), «Не является партнёром» (terminated) or «Не удалось проверить статус» (server unreachable or slow,
 * token expired, malformed or forged). It re-verifies before the token expires. The badge links to the
 * partner's verification page with `?host=<this host>`.
 *
 * The status and warning texts are deliberately not exposed as parts and ignore custom properties.
 *
 * @csspart mark - The 1C-Bitrix mark (decorative; confined to its own box).
 *
 * @cssproperty --pt-font-family - Font of the card (not of the status text).
 * @cssproperty --pt-background - Card background.
 * @cssproperty --pt-border-color - Card border colour.
 * @cssproperty --pt-radius - Card corner radius.
 * @cssproperty --pt-name-color - Colour of the partner's name.
 */
export default class PtPartnerBadge extends PartnerElement {
  static override styles = [themeStyles, styles];

  /** The shield: red with a check mark only for a verified status, grey with "!" otherwise. */
  private mark(verified: boolean): TemplateResult {
    return html`<span class="mark-box" aria-hidden="true"
      ><svg part="mark" viewBox="0 0 32 32">
        <path d="M16 2 4 6.5v9C4 23 9.2 28.4 16 30c6.8-1.6 12-7 12-14.5v-9Z" fill=${verified ? "#d7232d" : "#8a93a6"} />
        <path
          d=${verified ? "m10 16.2 4.2 4.2 8-8.4" : "M16 9v9m0 4v1"}
          fill="none"
          stroke="#fff"
          stroke-width="3"
          stroke-linecap="round"
        />
      </svg></span
    >`;
  }

  override render(): TemplateResult {
    const lang = this.uiLang;
    const v = this.verdict;
    if (!v) {
      return html`<span class="root" role="status" aria-busy="true" lang=${lang}
        >${this.mark(false)}<span class="body"><span class="protected">${t(lang, "loading")}</span></span></span
      >`;
    }
    const base = this.base;
    const href =
      v.state === "failed" || !v.partner ? base && partnerPageUrl(base, this.partner) : v.partner.verifyUrl;
    let body: TemplateResult;
    if (v.state === "verified") {
      const p = v.partner;
      const status = p.status as Exclude<typeof p.status, "none">;
      body = html`<span class="name">${p.name}</span>
        <span class="protected status ${status}">${t(lang, status)}</span>
        ${p.until ? html`<span class="until">${t(lang, "until")} ${formatDate(lang, p.until)}</span>` : nothing}`;
    } else if (v.state === "failed") {
      body = html`<span class="protected bad">${t(lang, "failed")}</span>`;
    } else {
      const key = v.state === "terminated" ? "terminated" : "unverified";
      body = html`${v.partner ? html`<span class="name">${v.partner.name}</span>` : nothing}
        <span class="protected ${key === "terminated" ? "bad" : "warn"}">${t(lang, key)}</span>`;
    }
    const content = html`${this.mark(v.state === "verified")}<span class="body">${body}</span>`;
    return href
      ? html`<a class="root" href=${withHost(href)} target="_blank" title=${t(lang, "verify")} lang=${lang}
          >${content}</a
        >`
      : html`<span class="root" lang=${lang}>${content}</span>`;
  }
}
