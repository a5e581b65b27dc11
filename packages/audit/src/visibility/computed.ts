// Browser strategy: computed style and layout of the live page. THE browser decision, shared by A1 (the
// extension's live audit) and W4 (<pt-powered-by mode="check">, whose Chromium tests cover every case here).
import { type HiddenReason, VISIBLE, type Visibility, type VisibilityStrategy } from "./types.ts";
import { clipHides, clipPathHides, isTransparentColour } from "./values.ts";

export function createComputedVisibility(view: Window = window): VisibilityStrategy {
  const doc = view.document;
  const style = (el: Element) => view.getComputedStyle(el);
  function check(el: Element): Visibility {
    const hidden = (reason: HiddenReason, element = el): Visibility => ({ visible: false, reason, element });
    // Self and ancestors: removed, hidden from assistive tech, faded out (opacities multiply), clipped away.
    let opacity = 1;
    let fixed = false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = style(a);
      if (s.display === "none")
        return hidden(a.hasAttribute("hidden") ? "hidden-attribute" : "display-none", a);
      if (a.getAttribute("aria-hidden") === "true") return hidden("aria-hidden", a);
      opacity *= parseFloat(s.opacity);
      if (opacity < 0.05) return hidden("opacity-0", a);
      const positioned = s.position === "absolute" || s.position === "fixed";
      if (clipPathHides(s.clipPath) || (positioned && clipHides(s.clip))) return hidden("clipped", a);
      fixed ||= s.position === "fixed";
    }
    const own = style(el);
    // Inherited, so the element's own computed value already says what its ancestors set.
    if (own.visibility !== "visible") return hidden("visibility-hidden");
    // (Not -webkit-text-fill-color: transparent — that is how gradient text is drawn, with background-clip.)
    const text = el.firstChild !== null;
    if (text && isTransparentColour(own.color)) return hidden("transparent-text");
    // The laid-out content itself (font-size 0, scale(0) and a 0×0 box all end here); a leaf (img) by its box.
    let r: DOMRect;
    if (text) {
      const range = doc.createRange();
      range.selectNodeContents(el);
      r = range.getBoundingClientRect();
    } else r = el.getBoundingClientRect();
    if (r.width < (text ? 2 : 1) || r.height < (text ? 4 : 2)) return hidden("zero-size");
    // Off-screen to the left, above, to the right; below only when fixed (otherwise one can scroll there).
    const x = fixed ? r.left : r.left + view.scrollX;
    const y = fixed ? r.top : r.top + view.scrollY;
    if (x + r.width <= 0 || y + r.height <= 0 || x >= view.innerWidth || (fixed && y >= view.innerHeight))
      return hidden("off-screen");
    // Cut off by its own or an ancestor's overflow box: hidden/clip boxes by what is left of the content,
    // scroll containers (whose content can be scrolled to) only when they have no size at all.
    let { left, top, right, bottom } = r;
    for (
      let a = text ? el : el.parentElement;
      a && a !== doc.body && a !== doc.documentElement;
      a = a.parentElement
    ) {
      const overflow = style(a).overflow;
      if (overflow === "visible") continue;
      const b = a.getBoundingClientRect();
      if (/auto|scroll/.test(overflow)) {
        if (b.width < 1 || b.height < 1) return hidden("clipped", a);
        continue;
      }
      left = Math.max(left, b.left);
      top = Math.max(top, b.top);
      right = Math.min(right, b.right);
      bottom = Math.min(bottom, b.bottom);
      if (right - left < Math.min(r.width, 8) / 2 || bottom - top < r.height / 2) return hidden("clipped", a);
    }
    return VISIBLE;
  }
  return { check };
}
