// Base of every widget: theme and size attributes, and re-rendering when `lang` changes.
import { LitElement, type PropertyDeclarations } from "lit";
import { type Lang, langOf } from "./i18n.ts";

// Lit's static `properties` instead of decorators: the decorator runtime costs ~0.5 KB gzip of the 12 KB budget.
export class WidgetElement extends LitElement {
  static override properties: PropertyDeclarations = { theme: { reflect: true }, size: { reflect: true } };

  /** Colour scheme: `light`, `dark`, or `auto` (follows prefers-color-scheme). */
  theme: "auto" | "light" | "dark" = "auto";

  /** Size: `s` (compact) or `m` (default). */
  size: "s" | "m" = "m";

  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: Lit computes the list for the subclass through super.
    return [...super.observedAttributes, "lang"];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === "lang") this.requestUpdate();
  }

  /** The language the widget speaks: its own `lang`, the nearest ancestor's, or the page's. */
  protected get uiLang(): Lang {
    return langOf(this);
  }
}
