// Browser strategy: computed style and layout of the live page (tested in Chromium by the extension).
import { isTransparentColour } from "./css.ts";
import { VISIBLE, type Visibility, type VisibilityStrategy } from "./types.ts";

export function createComputedVisibility(view: Window = window): VisibilityStrategy {
  function check(el: Element): Visibility {
    const aria = el.closest('[aria-hidden="true"]');
    if (aria) return { visible: false, reason: "aria-hidden", element: aria };
    for (let a: Element | null = el; a; a = a.parentElement) {
      const cs = view.getComputedStyle(a);
      if (cs.display === "none") return { visible: false, reason: "display-none", element: a };
      if (Number.parseFloat(cs.opacity) === 0) return { visible: false, reason: "opacity-0", element: a };
      if (cs.clipPath.startsWith("inset(50%") || /^rect\(0px,? 0px,? 0px,? 0px\)$/.test(cs.clip))
        return { visible: false, reason: "clipped", element: a };
    }
    const cs = view.getComputedStyle(el);
    if (cs.visibility !== "visible") return { visible: false, reason: "visibility-hidden", element: el };
    if (isTransparentColour(cs.color)) return { visible: false, reason: "transparent-text", element: el };
    if (cs.display === "contents") return VISIBLE;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || Number.parseFloat(cs.fontSize) === 0)
      return { visible: false, reason: "zero-size", element: el };
    if (r.right + view.scrollX <= 0 || r.bottom + view.scrollY <= 0)
      return { visible: false, reason: "off-screen", element: el };
    // Clipped by an ancestor that hides overflow and has (almost) no size.
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = view.getComputedStyle(a);
      if (s.overflow === "visible") continue;
      const ar = a.getBoundingClientRect();
      if (ar.width < 1 || ar.height < 1) return { visible: false, reason: "clipped", element: a };
    }
    return VISIBLE;
  }
  return { check };
}
