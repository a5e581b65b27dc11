// A tiny right-to-left matcher for the simple selectors pages use to hide things (tag, #id, .class, [attr],
// [attr=value], descendant and child combinators). Faster than a DOM query per rule over a large page;
// anything else returns undefined and the caller falls back to querySelectorAll.

import { attr } from "../dom/attr.ts";

interface Compound {
  tag?: string;
  id?: string;
  classes: string[];
  attrs: { name: string; value?: string }[];
}

export type SimpleSelector = {
  compounds: Compound[];
  combinators: (" " | ">")[];
  /** Per compound: whether an element or an ancestor matches it (with the rest to its left) — siblings share. */
  memo?: Map<Element, boolean>[];
};

const COMPOUND = /^([a-z][a-z0-9-]*|\*)?((?:[#.][\w-]+|\[[\w-]+(?:=["']?[^"'\]]*["']?)?\])*)$/i;

function parseCompound(text: string): Compound | undefined {
  const m = COMPOUND.exec(text);
  if (!m || text === "") return undefined;
  const c: Compound = { classes: [], attrs: [] };
  if (m[1] && m[1] !== "*") c.tag = m[1].toUpperCase();
  for (const part of (m[2] ?? "").match(/[#.][\w-]+|\[[^\]]+\]/g) ?? []) {
    if (part[0] === "#") c.id = part.slice(1);
    else if (part[0] === ".") c.classes.push(part.slice(1));
    else {
      const [name, value] = part.slice(1, -1).split("=");
      c.attrs.push({
        name: name!.toLowerCase(),
        ...(value !== undefined && { value: value.replace(/^["']|["']$/g, "") }),
      });
    }
  }
  return c;
}

/** Parses one selector (no commas); undefined when it is not simple. */
export function parseSimpleSelector(selector: string): SimpleSelector | undefined {
  const tokens = selector
    .trim()
    .replace(/\s*>\s*/g, " > ")
    .split(/\s+/);
  const compounds: Compound[] = [];
  const combinators: (" " | ">")[] = [];
  let pending: " " | ">" = " ";
  for (const t of tokens) {
    if (t === ">") {
      if (compounds.length === 0) return undefined;
      pending = ">";
      continue;
    }
    const c = parseCompound(t);
    if (!c) return undefined;
    if (compounds.length > 0) combinators.push(pending);
    compounds.push(c);
    pending = " ";
  }
  return compounds.length > 0 ? { compounds, combinators } : undefined;
}

const upper = new Map<string, string>();
/** The element's tag name in upper case (selector tags are compared so), without a new string per call. */
export function upperName(el: Element): string {
  const name = el.localName;
  let u = upper.get(name);
  if (u === undefined) {
    u = name.toUpperCase();
    upper.set(name, u);
  }
  return u;
}

/** The element's class attribute as " a b c " (callers may cache it). */
export type ClassOf = (el: Element) => string;

const plainClassOf: ClassOf = (el) => ` ${attr(el, "class") ?? ""} `.replace(/\s+/g, " ");

function matchesCompound(el: Element, c: Compound, classOf: ClassOf): boolean {
  if (c.tag && upperName(el) !== c.tag) return false;
  if (c.id && attr(el, "id") !== c.id) return false;
  if (c.classes.length > 0) {
    const cls = classOf(el);
    for (const k of c.classes) if (!cls.includes(` ${k} `)) return false;
  }
  for (const a of c.attrs) {
    const v = attr(el, a.name);
    if (v === null || (a.value !== undefined && v !== a.value)) return false;
  }
  return true;
}

export function matchesSimple(el: Element, s: SimpleSelector, classOf: ClassOf = plainClassOf): boolean {
  const last = s.compounds.length - 1;
  if (!matchesCompound(el, s.compounds[last]!, classOf)) return false;
  return matchFrom(el, s, last - 1, classOf);
}

function matchFrom(el: Element, s: SimpleSelector, i: number, classOf: ClassOf): boolean {
  if (i < 0) return true;
  const c = s.compounds[i]!;
  if (s.combinators[i] === ">") {
    const p = el.parentElement;
    return p !== null && matchesCompound(p, c, classOf) && matchFrom(p, s, i - 1, classOf);
  }
  return selfOrAncestor(el.parentElement, s, i, classOf);
}

/** Whether `el` or an ancestor matches compound i with the rest of the selector to its left; memoised, since
 * the elements of a page share their ancestors. */
function selfOrAncestor(el: Element | null, s: SimpleSelector, i: number, classOf: ClassOf): boolean {
  if (!el) return false;
  s.memo ??= [];
  let memo = s.memo[i];
  if (!memo) {
    memo = new Map();
    s.memo[i] = memo;
  }
  let found = memo.get(el);
  if (found === undefined) {
    found =
      (matchesCompound(el, s.compounds[i]!, classOf) && matchFrom(el, s, i - 1, classOf)) ||
      selfOrAncestor(el.parentElement, s, i, classOf);
    memo.set(el, found);
  }
  return found;
}

/** The rightmost compound's most selective part, to index rules: "#id", ".class", "TAG" or "*". */
export function selectorKey(s: SimpleSelector): string {
  const c = s.compounds[s.compounds.length - 1]!;
  if (c.id) return `#${c.id}`;
  if (c.classes[0]) return `.${c.classes[0]}`;
  return c.tag ?? "*";
}

/** The #id and .class keys an element can be found under (see selectorKey; tag and "*" are the caller's). */
export function elementKeys(el: Element, classOf: ClassOf = plainClassOf): string[] {
  const keys: string[] = [];
  const id = attr(el, "id");
  if (id) keys.push(`#${id}`);
  const cls = classOf(el);
  if (cls !== " ") for (const k of cls.split(" ")) if (k) keys.push(`.${k}`);
  return keys;
}
