// The input of the site-wide checks, and cached per-page views (visibility, visible text) shared by them.
import type { PartnerCard } from "./card.ts";
import { normaliseText } from "./dom/text.ts";
import type { HeaderMap, PageSnapshot } from "./page.ts";
import { createStaticVisibility } from "./visibility/static.ts";
import type { VisibilityStrategy } from "./visibility/types.ts";

/**
 * A license key A3 compares the site's hash with: the raw key, or its hash md5("BITRIX"+key+"LICENCE") when
 * the caller may not see the key (the extension gets hashes from the server, never raw keys).
 */
export type KnownKey = {
  /** Shown in the finding, e.g. "project key", "NFR key #2 of partner 42". */
  label: string;
  /** The key this site must run on (the project's registered key, or the NFR key for an NFR audit). */
  expected: boolean;
} & ({ key: string; hash?: undefined } | { hash: string; key?: undefined });

export interface ProjectFingerprint {
  project: string;
  url: string;
  fingerprint: string;
}

export interface SiteInput {
  /** The audited URL; pages[0] is its page. */
  url: string;
  pages: readonly PageSnapshot[];
  /** True when `pages` come from a crawl of the site, false for a single page (the extension's live page). */
  crawled: boolean;
  card?: PartnerCard;
  knownKeys?: readonly KnownKey[];
  /** A3: the start page fetched again bypassing the composite cache (see `uncachedRequest`). */
  uncached?: { url: string; status: number; headers: HeaderMap };
  fingerprints?: readonly ProjectFingerprint[];
  /** Visibility strategy per document; default: the static (HTML-only) strategy. */
  visibility?: (document: Document) => VisibilityStrategy;
}

export interface PageView {
  page: PageSnapshot;
  visibility: VisibilityStrategy;
  /** Visible text of the body (computed once). */
  text(): string;
  /** The same text through normaliseText (computed once). */
  normalisedText(): string;
  /** Visible text grouped by the element holding it, in document order (computed once). */
  blocks(): ReadonlyMap<Element, string>;
  /** Every element of the document, in document order (the same walk as the text; cheaper than many selector queries). */
  elements(): readonly Element[];
  /** Elements with these tag names (any case), in document order per tag. */
  byTag(...tags: string[]): Element[];
}

const views = new WeakMap<PageSnapshot, PageView>();

/** Not rendered: their text is never visible (both cases, so the walk need not lower-case every tag name). */
const SKIP = new Set(
  ["script", "style", "noscript", "template", "head", "svg", "iframe", "object"].flatMap((t) => [
    t,
    t.toUpperCase(),
  ]),
);

const NOT_BLANK = /\S/;

interface Scan {
  elements: Element[];
  tags: Map<string, Element[]>;
  text: string;
  blocks: Map<Element, string>;
}

/**
 * THE walk of a page, shared by every check: all elements in document order (indexed by tag) and, in the same
 * pass, the visible text of the body — visibility asked only of elements whose parent is visible, so hidden
 * subtrees cost one check at their top.
 */
function scan(document: Document, visibility: VisibilityStrategy): Scan {
  const elements: Element[] = [];
  const tags = new Map<string, Element[]>();
  const parts: string[] = [];
  const blocks = new Map<Element, string>();
  const textRoot = document.body ?? document.documentElement;
  // Explicit stack (pages can nest deeply); children pushed in reverse so they pop in document order.
  const nodes: Node[] = [document.documentElement];
  const shown: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    let visible = shown.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue;
      if (visible && value && NOT_BLANK.test(value)) {
        const parent = node.parentElement!;
        parts.push(value);
        const prev = blocks.get(parent);
        blocks.set(parent, prev === undefined ? value : `${prev} ${value}`);
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    elements.push(el);
    // localName: a plain property (tagName is computed on every read in linkedom); lower-case in HTML.
    const tag = el.localName;
    const list = tags.get(tag);
    if (list) list.push(el);
    else tags.set(tag, [el]);
    if (el === textRoot) visible = !SKIP.has(tag) && visibility.check(el).visible;
    else if (visible) {
      visible =
        !SKIP.has(tag) &&
        (visibility.checkUnderVisible ? visibility.checkUnderVisible(el) : visibility.check(el)).visible;
    }
    const start = nodes.length;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      nodes.push(c);
      shown.push(visible);
    }
    for (let i = start, j = nodes.length - 1; i < j; i++, j--) {
      const t = nodes[i]!;
      nodes[i] = nodes[j]!;
      nodes[j] = t;
    }
  }
  return { elements, tags, text: parts.join(" "), blocks };
}

export function viewOf(page: PageSnapshot, input: SiteInput): PageView {
  let view = views.get(page);
  if (!view) {
    const visibility = input.visibility
      ? input.visibility(page.document)
      : createStaticVisibility(page.document);
    let scanned: Scan | undefined;
    let normalised: string | undefined;
    const get = () => {
      scanned ??= scan(page.document, visibility);
      return scanned;
    };
    view = {
      page,
      visibility,
      text: () => get().text,
      normalisedText: () => {
        normalised ??= normaliseText(get().text);
        return normalised;
      },
      elements: () => get().elements,
      byTag: (...tags: string[]) => {
        const index = get().tags;
        return tags.flatMap((t) => index.get(t.toLowerCase()) ?? []);
      },
      blocks: () => get().blocks,
    };
    views.set(page, view);
  }
  return view;
}

export function viewsOf(input: SiteInput): PageView[] {
  return input.pages.map((p) => viewOf(p, input));
}
