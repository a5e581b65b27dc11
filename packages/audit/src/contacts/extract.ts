// A2: contacts a page shows — visible text, tel:/mailto: links, schema.org microdata and JSON-LD.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { attr } from "../dom/attr.ts";
import { collapseSpaces } from "../dom/text.ts";
import type { PageView } from "../site.ts";
import { looksLikeAddress } from "./address.ts";

export type ContactKind = "phone" | "email" | "address";

export interface FoundContact {
  kind: ContactKind;
  /** As written on the site. */
  raw: string;
  /** E.164 for phones, lower-case for e-mails, the raw text for addresses (compared with sameAddress). */
  value: string;
  url: string;
  /** The element it was read from (turn into a selector with cssPath only when shown). */
  element?: Element;
  source: "text" | "link" | "microdata" | "json-ld";
}

/** E.164 (RU default region), or undefined when it is not a valid phone number. */
export function normalisePhone(raw: string): string | undefined {
  const p = parsePhoneNumberFromString(raw, "RU");
  return p?.isPossible() ? p.number : undefined;
}

const phoneCache = new Map<string, string | null>();

/** Phone numbers in free text: digit runs with separators, checked by libphonenumber (valid numbers only). */
export function phonesInText(text: string): { raw: string; value: string }[] {
  const out: { raw: string; value: string }[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/(инн|огрн|огрнип|кпп|бик|окпо|р\/с|к\/с|сч[её]т)[\s:№]*$/i.test(before)) continue;
    const raw = m[0].trim();
    let value = phoneCache.get(raw);
    if (value === undefined) {
      const p = parsePhoneNumberFromString(raw, "RU");
      value = p?.isValid() ? p.number : null;
      if (phoneCache.size > 10_000) phoneCache.clear();
      phoneCache.set(raw, value);
    }
    if (value) out.push({ raw, value });
  }
  return out;
}

const PHONE_CANDIDATE = /(?:\+\s?)?\d(?:[\s\-()\u00a0]{0,3}\d){9,14}/g;

export function normaliseEmail(raw: string): string {
  return raw
    .replace(/^mailto:/i, "")
    .split("?")[0]!
    .trim()
    .toLowerCase();
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** Inside a tel:/mailto: link or a microdata property: already read from there. */
function readElsewhere(el: Element, memo: Map<Element, boolean>): boolean {
  let found = memo.get(el);
  if (found === undefined) {
    const parent = el.parentElement;
    found =
      (el.hasAttributes() &&
        (el.getAttributeNode("itemprop") !== null ||
          (el.localName === "a" && /^\s*(tel|mailto):/i.test(attr(el, "href") ?? "")))) ||
      (parent !== null && readElsewhere(parent, memo));
    memo.set(el, found);
  }
  return found;
}

export function extractContacts(view: PageView): FoundContact[] {
  const url = view.page.url;
  const out: FoundContact[] = [];
  const add = (c: Omit<FoundContact, "url">) => out.push({ ...c, url });
  const addPhone = (raw: string, source: FoundContact["source"], el?: Element) => {
    const value = normalisePhone(raw);
    if (value) add({ kind: "phone", raw: collapseSpaces(raw), value, source, ...(el && { element: el }) });
  };
  const addEmail = (raw: string, source: FoundContact["source"], el?: Element) => {
    const value = normaliseEmail(raw);
    if (value.includes("@"))
      add({ kind: "email", raw: collapseSpaces(raw), value, source, ...(el && { element: el }) });
  };
  const addAddress = (raw: string, source: FoundContact["source"], el?: Element) => {
    const value = collapseSpaces(raw.replace(/^\s*(адрес|address)\s*:?/i, ""));
    if (value) add({ kind: "address", raw: value, value, source, ...(el && { element: el }) });
  };

  // Links.
  for (const a of view.byTag("A")) {
    const raw = attr(a, "href");
    if (raw === null || !/^\s*(tel|mailto):/i.test(raw)) continue;
    const href = raw.trim();
    if (/^tel:/i.test(href)) addPhone(decodeURIComponent(href.slice(4)), "link", a);
    else addEmail(decodeURIComponent(href.slice(7)), "link", a);
  }

  // Microdata.
  for (const el of view.elements()) {
    if (!el.hasAttributes() || el.getAttributeNode("itemprop") === null) continue;
    const prop = (el.getAttribute("itemprop") ?? "").toLowerCase();
    const value = el.getAttribute("content") ?? el.textContent ?? "";
    if (prop === "telephone") addPhone(value, "microdata", el);
    else if (prop === "email") addEmail(value, "microdata", el);
    else if (prop === "address") {
      if (el.hasAttribute("itemscope")) {
        const parts = ["postalCode", "addressRegion", "addressLocality", "streetAddress"]
          .map((p) => el.querySelector(`[itemprop="${p}"]`))
          .map((p) => p?.getAttribute("content") ?? p?.textContent ?? "")
          .filter((p) => p.trim() !== "");
        addAddress(parts.join(", "), "microdata", el);
      } else addAddress(value, "microdata", el);
    }
  }

  // JSON-LD.
  for (const script of view.byTag("SCRIPT")) {
    if ((script.getAttribute("type") ?? "").toLowerCase() !== "application/ld+json") continue;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const visit = (node: unknown, depth: number): void => {
      if (depth > 8 || node === null || typeof node !== "object") return;
      if (Array.isArray(node)) {
        for (const n of node) visit(n, depth + 1);
        return;
      }
      const o = node as Record<string, unknown>;
      for (const [k, v] of Object.entries(o)) {
        if (k === "telephone")
          for (const t of [v].flat()) if (typeof t === "string") addPhone(t, "json-ld", script);
        if (k === "email")
          for (const t of [v].flat()) if (typeof t === "string") addEmail(t, "json-ld", script);
        if (k === "address") {
          for (const a of [v].flat()) {
            if (typeof a === "string") addAddress(a, "json-ld", script);
            else if (a && typeof a === "object") {
              const p = a as Record<string, unknown>;
              const parts = ["postalCode", "addressRegion", "addressLocality", "streetAddress"]
                .map((x) => p[x])
                .filter((x): x is string => typeof x === "string" && x.trim() !== "");
              addAddress(parts.join(", "), "json-ld", script);
            }
          }
        }
        if (typeof v === "object") visit(v, depth + 1);
      }
    };
    visit(data, 0);
  }

  // Visible text: phones and e-mails anywhere; addresses from blocks that look like one.
  const elsewhere = new Map<Element, boolean>(); // blocks share their ancestors
  for (const [el, text] of view.blocks()) {
    const digits = /\d/.test(text);
    const at = text.includes("@");
    if ((!digits && !at) || readElsewhere(el, elsewhere)) continue; // phones and addresses need digits, e-mails an @
    if (/\d{3}/.test(text))
      for (const p of phonesInText(text))
        out.push({
          kind: "phone",
          raw: collapseSpaces(p.raw),
          value: p.value,
          url,
          element: el,
          source: "text",
        });
    if (at) for (const m of text.match(EMAIL) ?? []) addEmail(m, "text", el);
    if (digits && looksLikeAddress(text)) addAddress(text, "text", el);
  }
  return out;
}
