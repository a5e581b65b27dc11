// Shared look: light/dark (theme attribute, else prefers-color-scheme), sizes, the themable card, and the
// protected text (status and warnings) that the page can neither restyle nor hide.
import { css } from "./css.ts";

export const themeStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }
  :host([hidden]) {
    display: none;
  }
  /* Private variables live on the inner .root, not on :host, so the page cannot override them. */
  .root {
    color-scheme: light dark;
    --_bg: light-dark(#fff, #1b2130);
    --_fg: light-dark(#1d2433, #eef1f7);
    --_muted: light-dark(#5b6478, #aab3c5);
    --_px: 14px;
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5em;
    box-sizing: border-box;
    max-width: 100%;
    padding: 0.45em 0.7em;
    font: 500 var(--_px) / 1.3 var(--pt-font-family, system-ui, sans-serif);
    color: var(--_fg);
    background: var(--pt-background, var(--_bg));
    border: 1px solid var(--pt-border-color, light-dark(#d5dae3, #3a4356));
    border-radius: var(--pt-radius, 8px);
    text-decoration: none;
  }
  :host([theme="light"]) .root {
    color-scheme: light;
  }
  :host([theme="dark"]) .root {
    color-scheme: dark;
  }
  :host([size="s"]) .root {
    --_px: 12px;
  }
  a:hover {
    text-decoration: underline;
  }
  /* Status and warnings: every inherited property reset (all: initial), fixed font, size and colours (white on a solid colour
     in both themes), no part, no custom property. */
  .protected {
    all: initial;
    display: inline-block;
    font: 600 var(--_px) / 1.3 system-ui, sans-serif;
    padding: 0.15em 0.5em;
    border-radius: 4px;
    color: #fff;
    background: #5b6478;
  }
  .business {
    background: #0b5cd5;
  }
  .certified {
    background: #13804a;
  }
  .gold {
    background: #8a6100;
  }
  .warn {
    background: #a33a00;
  }
  .bad,
  .quality {
    background: #b3141c;
  }
  svg {
    flex: none;
    width: 2em;
    height: 2em;
  }
`;
