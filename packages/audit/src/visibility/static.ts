// Node strategy: no layout, so visibility is what the HTML says — attributes, inline styles, and the
// page's own <style> rules (any selector the DOM's querySelectorAll understands; rules are applied in
// source order without specificity; @media blocks and external stylesheets are not read).
import { attr } from "../dom/attr.ts";
import { type Declarations, hidingReason, parseDeclarations, parseStylesheet } from "./css.ts";
import {
  elementKeys,
  matchesSimple,
  parseSimpleSelector,
  type SimpleSelector,
  selectorKey,
  upperName,
} from "./selector.ts";
import { type HiddenReason, VISIBLE, type Visibility, type VisibilityStrategy } from "./types.ts";
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
      const raw = el.hasAttributes() ? attr(el, "class") : null;
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

  // The #id and .class rule lists an element can match, by its id and class text (pages repeat those).
  const keyedCache = new Map<string, SimpleRule[][]>();
  function keyedRules(el: Element): SimpleRule[][] {
    const id = attr(el, "id");
    const cls = attr(el, "class") ?? "";
    const k = id === null ? cls : `${cls}\u0000#${id}`; // a class text holds no NUL: no clash
    let lists = keyedCache.get(k);
    if (!lists) {
      lists = elementKeys(el, classOf)
        .map((key) => simple!.get(key))
        .filter((rules) => rules !== undefined);
      keyedCache.set(k, lists);
    }
    return lists;
  }

  function ruleDeclarations(el: Element, attrs: boolean): Declarations[] {
    if (!simple || !queried) load();
    let found: Found;
    if (simple!.size > 0) {
      found = collect(el, simple!.get(upperName(el)), found);
      found = collect(el, simple!.get("*"), found);
      if (attrs && keyed) for (const rules of keyedRules(el)) found = collect(el, rules, found);
    }
    const q = queried!.size > 0 ? queried!.get(el) : undefined;
    if (q) found = found ? [...found, ...q] : [...q];
    if (!found) return NO_RULES;
    // Source order (no specificity): later rules win.
    return found.sort((a, b) => a.order - b.order).map((f) => f.decls);
  }

  // Pages repeat the same inline styles: each text is parsed once (the maps are never modified).
  const inlineCache = new Map<string, Declarations>();
  function inlineDeclarations(text: string): Declarations {
    let d = inlineCache.get(text);
    if (!d) {
      d = parseDeclarations(text);
      inlineCache.set(text, d);
    }
    return d;
  }

  function ownDeclarations(el: Element, attrs: boolean): Declarations {
    const rules = ruleDeclarations(el, attrs);
    const style = attrs ? attr(el, "style") : null;
    const inline = style ? inlineDeclarations(style) : undefined;
    if (rules.length === 0) return inline ?? NONE;
    if (rules.length === 1 && !inline) return rules[0]!;
    const merged: Declarations = new Map();
    for (const d of rules) for (const [k, v] of d) merged.set(k, v);
    if (inline) for (const [k, v] of inline) merged.set(k, v);
    return merged;
  }

  // The declarations' own hiding reason, once per (shared) declarations map.
  const reasons = new WeakMap<Declarations, HiddenReason | null>();
  function reasonOf(d: Declarations): HiddenReason | undefined {
    let r = reasons.get(d);
    if (r === undefined) {
      r = hidingReason(d) ?? null;
      reasons.set(d, r);
    }
    return r ?? undefined;
  }

  const colours = new Map<string, boolean>(); // pages repeat their colours
  function transparent(colour: string): boolean {
    let t = colours.get(colour);
    if (t === undefined) {
      t = isTransparentColour(colour);
      colours.set(colour, t);
    }
    return t;
  }

  // Inherited properties: the nearest element that sets them decides.
  function inherited(el: Element, own: Declarations, parent: Visibility | undefined): Visibility | undefined {
    const visibility = own.get("visibility");
    if (visibility === "hidden" || visibility === "collapse")
      return { visible: false, reason: "visibility-hidden", element: el };
    const colour = own.get("color");
    if (colour !== undefined && transparent(colour))
      return { visible: false, reason: "transparent-text", element: el };
    if (parent && !parent.visible) {
      const overridden =
        (parent.reason === "visibility-hidden" && visibility === "visible") ||
        (parent.reason === "transparent-text" && colour !== undefined);
      if (!overridden) return parent;
    }
    return undefined;
  }

  /** The element's visibility given its parent's (undefined for the root). */
  function decide(el: Element, parent: Visibility | undefined): Visibility {
    if (parent && !parent.visible && !isInheritedReason(parent.reason)) return parent;
    // Most elements carry no attributes: skip the attribute reads (slow-ish in linkedom) for them.
    const attrs = el.hasAttributes();
    if (attrs && el.getAttributeNode("hidden"))
      return { visible: false, reason: "hidden-attribute", element: el };
    if (attrs && attr(el, "aria-hidden") === "true")
      return { visible: false, reason: "aria-hidden", element: el };
    const own = ownDeclarations(el, attrs);
    if (own.size === 0) return parent && !parent.visible ? parent : VISIBLE;
    const reason = reasonOf(own);
    if (reason) return { visible: false, reason, element: el };
    return inherited(el, own, parent) ?? VISIBLE;
  }

  function check(el: Element): Visibility {
    const cached = cache.get(el);
    if (cached) return cached;
    const parentEl = el.parentElement;
    const result = decide(el, parentEl ? check(parentEl) : undefined);
    cache.set(el, result);
    return result;
  }

  // A walk down from a visible root knows each parent is visible: no climb to the ancestors.
  function checkUnderVisible(el: Element): Visibility {
    let result = cache.get(el);
    if (!result) {
      result = decide(el, VISIBLE);
      cache.set(el, result);
    }
    return result;
  }

  return { check, checkUnderVisible };
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
