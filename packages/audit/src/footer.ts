// R6.2c / A1 / W4: THE finder of «Работает на «1С-Битрикс: Управление сайтом»» with its link to www.1c-bitrix.ru,
// judged through a visibility strategy. Dependency-free and browser-safe ("@partner-trust/audit/footer"), so
// the <pt-powered-by> widget bundles it (with the computed strategy) without the rest of the package.
import type { HiddenReason, VisibilityStrategy } from "./visibility/types.ts";

export { createComputedVisibility } from "./visibility/computed.ts";
export type { HiddenReason, Visibility, VisibilityStrategy } from "./visibility/types.ts";

/** Letters and digits only, lower case, ё→е, a Latin "1c" read as Cyrillic: quotes, spaces (nbsp), dashes don't matter. */
export const footerLetters = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/1c/g, "1с")
    .replace(/[^а-я0-9]/g, "");

const PHRASE = footerLetters("Работает на «1С-Битрикс: Управление сайтом»");

/** True for http(s) links to www.1c-bitrix.ru or 1c-bitrix.ru (any path, no user info). */
export function isVendorLink(href: string, base: string): boolean {
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) && /^(www\.)?1c-bitrix\.ru$/.test(u.hostname) && !u.username;
  } catch {
    return false;
  }
}

/** Not rendered, so never the footer: their text is skipped. */
const SKIP = /^(script|style|noscript|template|head|svg|iframe|object)$/i;

function eachText(root: Node, onText: (text: string, parent: Element) => void): void {
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) onText(c.nodeValue ?? "", root as Element);
    else if (c.nodeType === 1 && !SKIP.test((c as Element).localName)) eachText(c, onText);
  }
}

/**
 * The footer text's elements: for each text holding «работает», the nearest element whose text holds the whole
 * phrase. `texts` (text by parent element, e.g. a page's visible text already walked) is searched first; when
 * it has none, every text under `root`, so a hidden footer is reported as hidden rather than missing.
 */
export function footerCandidates(root: Element, texts?: Iterable<readonly [Element, string]>): Element[] {
  const found = new Set<Element>();
  const consider = (text: string, parent: Element) => {
    if (!/работает/i.test(text)) return;
    for (let el: Element | null = parent, depth = 0; el && depth < 6; depth++, el = el.parentElement)
      if (footerLetters(el.textContent ?? "").includes(PHRASE)) {
        found.add(el);
        return;
      }
  };
  if (texts) for (const [el, text] of texts) consider(text, el);
  if (found.size === 0) eachText(root, consider);
  return [...found];
}

export type FooterState =
  | { ok: true; element: Element; link: Element }
  | { ok: false; problem: "missing" }
  | { ok: false; problem: "hidden"; element: Element; reason: HiddenReason }
  | { ok: false; problem: "no-link"; element: Element }
  | { ok: false; problem: "wrong-link"; element: Element; href: string };

/** Which failure to report when every candidate fails: the one closest to compliance. */
const RANK = { missing: 0, hidden: 1, "no-link": 2, "wrong-link": 3 };

function stateOf(el: Element, visibility: VisibilityStrategy, base: string): FooterState {
  const v = visibility.check(el);
  if (!v.visible) return { ok: false, problem: "hidden", element: v.element, reason: v.reason };
  // The link around or inside the text; failing that, one beside it (in its parent).
  let links = [el.closest("a[href]"), ...el.querySelectorAll("a[href]")].filter((a) => a !== null);
  if (links.length === 0 && el.parentElement) links = [...el.parentElement.querySelectorAll("a[href]")];
  const good = links.find((a) => isVendorLink(a.getAttribute("href") ?? "", base));
  if (good) {
    const lv = visibility.check(good);
    return lv.visible
      ? { ok: true, element: el, link: good }
      : { ok: false, problem: "hidden", element: lv.element, reason: lv.reason };
  }
  const first = links[0];
  return first
    ? { ok: false, problem: "wrong-link", element: el, href: first.getAttribute("href") ?? "" }
    : { ok: false, problem: "no-link", element: el };
}

/** The footer's state: the first compliant candidate, else the failure closest to compliance. */
export function footerStateOf(
  candidates: readonly Element[],
  visibility: VisibilityStrategy,
  base: string,
): FooterState {
  let best: FooterState = { ok: false, problem: "missing" };
  for (const el of candidates) {
    const s = stateOf(el, visibility, base);
    if (s.ok) return s;
    if (RANK[s.problem] > RANK[best.problem as keyof typeof RANK]) best = s;
  }
  return best;
}
