// A2: contacts a page shows — visible text, tel:/mailto: links, schema.org microdata and JSON-LD.
import { findPhoneNumbersInText, parsePhoneNumberFromString } from "libphonenumber-js";
import { cssPath } from "../dom/selector.ts";
import { collapseSpaces } from "../dom/text.ts";
import { walkVisibleText } from "../dom/walk.ts";
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
  selector?: string;
  source: "text" | "link" | "microdata" | "json-ld";
}

/** E.164 (RU default region), or undefined when it is not a valid phone number. */
export function normalisePhone(raw: string): string | undefined {
  const p = parsePhoneNumberFromString(raw, "RU");
  return p?.isPossible() ? p.number : undefined;
}

export function normaliseEmail(raw: string): string {
  return raw
    .replace(/^mailto:/i, "")
    .split("?")[0]!
    .trim()
    .toLowerCase();
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

export function extractContacts(view: PageView): FoundContact[] {
  const url = view.page.url;
  const doc = view.page.document;
  const out: FoundContact[] = [];
  const add = (c: Omit<FoundContact, "url">) => out.push({ ...c, url });
  const addPhone = (raw: string, source: FoundContact["source"], el?: Element) => {
    const value = normalisePhone(raw);
    if (value)
      add({ kind: "phone", raw: collapseSpaces(raw), value, source, ...(el && { selector: cssPath(el) }) });
  };
  const addEmail = (raw: string, source: FoundContact["source"], el?: Element) => {
    const value = normaliseEmail(raw);
    if (value.includes("@"))
      add({ kind: "email", raw: collapseSpaces(raw), value, source, ...(el && { selector: cssPath(el) }) });
  };
  const addAddress = (raw: string, source: FoundContact["source"], el?: Element) => {
    const value = collapseSpaces(raw.replace(/^\s*(адрес|address)\s*:?/i, ""));
    if (value) add({ kind: "address", raw: value, value, source, ...(el && { selector: cssPath(el) }) });
  };

  // Links.
  for (const a of Array.from(doc.querySelectorAll('a[href^="tel:" i], a[href^="mailto:" i]'))) {
    const href = a.getAttribute("href") ?? "";
    if (/^tel:/i.test(href)) addPhone(decodeURIComponent(href.slice(4)), "link", a);
    else addEmail(decodeURIComponent(href.slice(7)), "link", a);
  }

  // Microdata.
  for (const el of Array.from(doc.querySelectorAll("[itemprop]"))) {
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
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
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
  const root = doc.body ?? doc.documentElement;
  const blocks = new Map<Element, string[]>();
  walkVisibleText(root, view.visibility, (text, parent) => {
    const list = blocks.get(parent);
    if (list) list.push(text);
    else blocks.set(parent, [text]);
  });
  const inMicrodata = (el: Element) => el.closest("[itemprop]") !== null;
  for (const [el, texts] of blocks) {
    if (el.closest('a[href^="tel:" i], a[href^="mailto:" i]') || inMicrodata(el)) continue;
    const text = texts.join(" ");
    if (/\d{3}/.test(text))
      for (const f of findPhoneNumbersInText(text, "RU"))
        addPhone(text.slice(f.startsAt, f.endsAt), "text", el);
    for (const m of text.match(EMAIL) ?? []) addEmail(m, "text", el);
    if (looksLikeAddress(text)) addAddress(text, "text", el);
  }
  return out;
}
