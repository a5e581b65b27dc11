// Base of the partner widgets (W1–W3): `partner` and `server` attributes and the shared verified status.
import type { PropertyDeclarations } from "lit";
import { serverBase } from "./server.ts";
import { watchStatus } from "./store.ts";
import type { Verdict } from "./verify.ts";
import { WidgetElement } from "./widget-element.ts";

export class PartnerElement extends WidgetElement {
  static override properties: PropertyDeclarations = {
    partner: { reflect: true },
    server: { reflect: true },
    verdict: { state: true, attribute: false },
  };

  /** The partner's id in the 1C-Bitrix partner directory. */
  partner = "";

  /** Base URL of the Partner Trust server; defaults to the origin the widget script was loaded from. */
  server = "";

  /** The current verification result; undefined while loading (internal state). */
  protected verdict: Verdict | undefined = undefined;

  private unwatch: (() => void) | undefined;
  private watched: string | undefined;

  /** The verification state shown: loading, verified, unverified-host, terminated or failed (read-only). */
  get state(): string {
    return this.verdict?.state ?? "loading";
  }

  /** The resolved server base URL, or "" when the `server` attribute is not an http(s) URL. */
  protected get base(): string {
    try {
      return serverBase(this.server);
    } catch {
      return "";
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Watch from the next update, once attributes and properties set right after creation have landed.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
    this.watched = undefined;
    // Re-verified when connected again; a stale verdict is never shown meanwhile.
    this.verdict = undefined;
  }

  protected override willUpdate(): void {
    if (this.isConnected) this.watch();
  }

  private watch(): void {
    const base = this.base;
    const key = `${base} ${this.partner}`;
    if (key === this.watched) return;
    this.watched = key;
    this.unwatch?.();
    this.unwatch = undefined;
    this.verdict = undefined;
    // No partner id, or a server this script does not trust: nothing to verify.
    if (!base || !this.partner) {
      this.verdict = { state: "failed", reason: "claims" };
      return;
    }
    this.unwatch = watchStatus(base, this.partner, (v) => {
      this.verdict = v;
    });
  }
}
