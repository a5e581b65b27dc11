// W4 (R6.2c): renders the required «Работает на «1С-Битрикс: Управление сайтом»» footer, or checks the page's own.
import { html, nothing, type PropertyDeclarations, render, type TemplateResult } from "lit";
import { reportFooter } from "../core/beacon.ts";
import { checkFooter, type FooterCheck } from "../core/footer.ts";
import { serverBase } from "../core/server.ts";
import { WidgetElement } from "../core/widget-element.ts";

export interface FooterCheckDetail extends FooterCheck {
  url: string;
}

/**
 * @summary The required footer «Работает на «1С-Битрикс: Управление сайтом»» (R6.2c), or a check of it (W4).
 *
 * By default renders the text with its link to https://www.1c-bitrix.ru/ into the light DOM (slotted), so it
 * is the page's own visible text; on English pages "(Powered by 1C-Bitrix: Site Manager)" follows the required
 * Russian wording. With `mode="check"` it shows nothing to visitors: once the page has loaded it checks that
 * the page shows the text visibly (not hidden, display:none, visibility:hidden, opacity 0, zero-sized, clipped,
 * transparent, off-screen) with a link to www.1c-bitrix.ru or 1c-bitrix.ru, fires `pt-footer-check`, warns in
 * the console (for the page owner) when not compliant and, with `partner`, reports to the server once per
 * page and day.
 *
 * @slot - The rendered footer text (filled by the element itself in render mode).
 * @event {CustomEvent<FooterCheckDetail>} pt-footer-check - The check result (`mode="check"` only).
 */
export default class PtPoweredBy extends WidgetElement {
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    partner: { reflect: true },
    server: { reflect: true },
  };

  /** `render` (default) shows the footer text; `check` verifies the page's own footer instead. */
  mode: "render" | "check" = "render";

  /** Partner id: in check mode, report the result to the server (W4 beacon). */
  partner = "";

  /** Base URL of the Partner Trust server; defaults to the origin the widget script was loaded from. */
  server = "";

  private checked = false;

  protected override updated(): void {
    const lang = this.uiLang;
    render(
      this.mode === "check"
        ? nothing
        : html`<span lang="ru"
              >Работает на <a href="https://www.1c-bitrix.ru/" target="_blank"
                >«1С-Битрикс: Управление сайтом»</a
              ></span
            >${lang === "en" ? html` <span lang="en">(Powered by 1C-Bitrix: Site Manager)</span>` : nothing}`,
      this,
    );
    if (this.mode === "check" && !this.checked) {
      this.checked = true;
      const run = () => this.check();
      if (document.readyState === "complete") run();
      else addEventListener("load", run, { once: true });
    }
  }

  /** Checks the page now (the element runs it once after load; call again after changing the footer). */
  check(): FooterCheck {
    const result = checkFooter(document.body, this);
    const detail: FooterCheckDetail = { ...result, url: location.href };
    this.dispatchEvent(new CustomEvent("pt-footer-check", { detail, bubbles: true, composed: true }));
    if (!result.compliant) console.warn("pt-powered-by: R6.2c", result.problems);
    if (this.partner) {
      try {
        reportFooter(serverBase(this.server), this.partner, detail);
      } catch {
        // An invalid server attribute: nothing to report to.
      }
    }
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    return this.mode === "check" ? nothing : html`<slot></slot>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "pt-footer-check": CustomEvent<FooterCheckDetail>;
  }
}
