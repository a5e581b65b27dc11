// Node strategy: no layout, so visibility is what the HTML says — attributes, inline styles, and the
// page's own <style> rules (any selector the DOM's querySelectorAll understands; rules are applied in
// source order without specificity; @media blocks and external stylesheets are not read).
import {
  type Declarations,
  hidingReason,
  isTransparentColour,
  parseDeclarations,
  parseStylesheet,
} from "./css.ts";
import { VISIBLE, type Visibility, type VisibilityStrategy } from "./types.ts";

export function createStaticVisibility(document: Document): VisibilityStrategy {
  let sheet: Map<Element, Declarations[]> | undefined;
  const cache = new Map<Element, Visibility>();

  function ruleDeclarations(el: Element): Declarations[] {
    if (!sheet) {
      sheet = new Map();
      for (const style of Array.from(document.querySelectorAll("style"))) {
        for (const [selector, decls] of parseStylesheet(style.textContent ?? "")) {
          if (!isInteresting(decls)) continue;
          let matched: Element[];
          try {
            matched = Array.from(document.querySelectorAll(selector));
          } catch {
            continue; // a selector the DOM cannot parse is ignored
          }
          for (const m of matched) {
            const list = sheet.get(m);
            if (list) list.push(decls);
            else sheet.set(m, [decls]);
          }
        }
      }
    }
    return sheet.get(el) ?? [];
  }

  function ownDeclarations(el: Element): Declarations {
    const merged: Declarations = new Map();
    for (const d of ruleDeclarations(el)) for (const [k, v] of d) merged.set(k, v);
    const inline = el.getAttribute("style");
    if (inline) for (const [k, v] of parseDeclarations(inline)) merged.set(k, v);
    return merged;
  }

  // Inherited properties: the nearest element that sets them decides.
  function inherited(el: Element, own: Declarations, parent: Visibility | undefined): Visibility | undefined {
    const visibility = own.get("visibility");
    if (visibility === "hidden" || visibility === "collapse")
      return { visible: false, reason: "visibility-hidden", element: el };
    const colour = own.get("color");
    if (colour !== undefined && isTransparentColour(colour))
      return { visible: false, reason: "transparent-text", element: el };
    if (parent && !parent.visible) {
      const overridden =
        (parent.reason === "visibility-hidden" && visibility === "visible") ||
        (parent.reason === "transparent-text" && colour !== undefined);
      if (!overridden) return parent;
    }
    return undefined;
  }

  function check(el: Element): Visibility {
    const cached = cache.get(el);
    if (cached) return cached;
    let result: Visibility = VISIBLE;
    const parentEl = el.parentElement;
    const parent = parentEl ? check(parentEl) : undefined;
    const blocking = parent && !parent.visible && !isInheritedReason(parent.reason) ? parent : undefined;
    if (blocking) result = blocking;
    else if (el.hasAttribute("hidden")) result = { visible: false, reason: "hidden-attribute", element: el };
    else if (el.getAttribute("aria-hidden") === "true")
      result = { visible: false, reason: "aria-hidden", element: el };
    else {
      const own = ownDeclarations(el);
      const reason = hidingReason(own);
      if (reason) result = { visible: false, reason, element: el };
      else result = inherited(el, own, parent) ?? VISIBLE;
    }
    cache.set(el, result);
    return result;
  }

  return { check };
}

function isInheritedReason(reason: string): boolean {
  return reason === "visibility-hidden" || reason === "transparent-text";
}

const INTERESTING = [
  "display",
  "visibility",
  "opacity",
  "width",
  "height",
  "max-height",
  "max-width",
  "overflow",
  "overflow-x",
  "overflow-y",
  "font-size",
  "transform",
  "position",
  "left",
  "top",
  "right",
  "bottom",
  "clip",
  "clip-path",
  "text-indent",
  "color",
];

function isInteresting(d: Declarations): boolean {
  for (const k of INTERESTING) if (d.has(k)) return true;
  return false;
}
