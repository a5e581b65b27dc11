// Node strategy: no layout, so visibility is what the HTML says — attributes, inline styles, and the
// page's own <style> rules (any selector the DOM's querySelectorAll understands; rules are applied in
// source order without specificity; @media blocks and external stylesheets are not read).
import { type Declarations, hidingReason, parseDeclarations, parseStylesheet } from "./css.ts";
import {
  elementKeys,
  matchesSimple,
  parseSimpleSelector,
  type SimpleSelector,
  selectorKey,
} from "./selector.ts";
import { VISIBLE, type Visibility, type VisibilityStrategy } from "./types.ts";
import { isTransparentColour } from "./values.ts";

export interface StaticVisibilityOptions {
  /** Gives the page's <style> elements when the caller already has them (saves a scan of the document). */
  styles?: () => readonly Element[];
}

export function createStaticVisibility(
  document: Document,
  options: StaticVisibilityOptions = {},
): VisibilityStrategy {
  const cache = new Map<Element, Visibility>();

  // Simple selectors are matched per element as the page is walked; others are queried once.
  type SimpleRule = { selector: SimpleSelector; decls: Declarations; order: number };
  let simple: Map<string, SimpleRule[]> | undefined;
  let queried: Map<Element, { decls: Declarations; order: number }[]> | undefined;
  let keyed = false; // some rule is indexed by #id or .class
  const classes = new Map<Element, string>();
  const classOf = (el: Element): string => {
    let c = classes.get(el);
    if (c === undefined) {
      const raw = el.hasAttributes() ? el.getAttribute("class") : null;
      c = raw ? (/^[^\s]+( [^\s]+)*$/.test(raw) ? ` ${raw} ` : ` ${raw.trim().replace(/\s+/g, " ")} `) : " ";
      classes.set(el, c);
    }
    return c;
  };

  function load(): void {
    simple = new Map();
    queried = new Map();
    let order = 0;
    const styles = options.styles ? options.styles() : Array.from(document.getElementsByTagName("style"));
    for (const style of styles) {
      for (const [selectorList, decls] of parseStylesheet(style.textContent ?? "")) {
        if (!isInteresting(decls)) continue;
        for (const selector of selectorList.split(",")) {
          order++;
          const parsed = parseSimpleSelector(selector);
          if (parsed) {
            const key = selectorKey(parsed);
            if (key.startsWith("#") || key.startsWith(".")) keyed = true;
            const rule = { selector: parsed, decls, order };
            const list = simple.get(key);
            if (list) list.push(rule);
            else simple.set(key, [rule]);
            continue;
          }
          let matched: Element[];
          try {
            matched = Array.from(document.querySelectorAll(selector));
          } catch {
            continue; // a selector the DOM cannot parse is ignored
          }
          for (const m of matched) {
            const list = queried.get(m);
            const entry = { decls, order };
            if (list) list.push(entry);
            else queried.set(m, [entry]);
          }
        }
      }
    }
  }

  type Found = { decls: Declarations; order: number }[] | undefined;

  function collect(el: Element, rules: SimpleRule[] | undefined, found: Found): Found {
    if (!rules) return found;
    let out = found;
    for (const r of rules) {
      if (!matchesSimple(el, r.selector, classOf)) continue;
      if (!out) out = [];
      out.push(r);
    }
    return out;
  }

  function ruleDeclarations(el: Element, attrs: boolean): Declarations[] {
    if (!simple || !queried) load();
    let found: Found;
    if (simple!.size > 0) {
      found = collect(el, simple!.get(el.localName.toUpperCase()), found);
      found = collect(el, simple!.get("*"), found);
      if (attrs && keyed)
        for (const key of elementKeys(el, classOf)) found = collect(el, simple!.get(key), found);
    }
    const q = queried!.size > 0 ? queried!.get(el) : undefined;
    if (q) found = found ? [...found, ...q] : [...q];
    if (!found) return NO_RULES;
    // Source order (no specificity): later rules win.
    return found.sort((a, b) => a.order - b.order).map((f) => f.decls);
  }

  function ownDeclarations(el: Element, attrs: boolean): Declarations {
    const rules = ruleDeclarations(el, attrs);
    const inline = attrs ? el.getAttribute("style") : null;
    if (rules.length === 0 && !inline) return NONE;
    const merged: Declarations = new Map();
    for (const d of rules) for (const [k, v] of d) merged.set(k, v);
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
    // Most elements carry no attributes: skip the attribute reads (slow-ish in linkedom) for them.
    const attrs = el.hasAttributes();
    const parentEl = el.parentElement;
    const parent = parentEl ? check(parentEl) : undefined;
    const blocking = parent && !parent.visible && !isInheritedReason(parent.reason) ? parent : undefined;
    if (blocking) result = blocking;
    else if (attrs && el.hasAttribute("hidden"))
      result = { visible: false, reason: "hidden-attribute", element: el };
    else if (attrs && el.getAttribute("aria-hidden") === "true")
      result = { visible: false, reason: "aria-hidden", element: el };
    else {
      const own = ownDeclarations(el, attrs);
      if (own.size === 0) result = parent && !parent.visible ? parent : VISIBLE;
      else {
        const reason = hidingReason(own);
        if (reason) result = { visible: false, reason, element: el };
        else result = inherited(el, own, parent) ?? VISIBLE;
      }
    }
    cache.set(el, result);
    return result;
  }

  return { check };
}

const NONE: Declarations = new Map();
const NO_RULES: Declarations[] = [];

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
