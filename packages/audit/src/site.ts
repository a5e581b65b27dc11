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

interface PageIndex {
  /** Every element in document order, with the position of its parent element (−1 for the root). */
  elements: Element[];
  parents: number[];
  tags: Map<string, Element[]>;
  /** Every non-blank text node's value, in document order, with the position of its parent element. */
  texts: string[];
  textParents: number[];
}

/**
 * THE walk of a page, shared by every check: one pass over the document that lists the elements (indexed by
 * tag) and the texts. Visibility and the visible text are then worked out over these arrays (visibleText).
 */
function indexPage(document: Document): PageIndex {
  const ix: PageIndex = { elements: [], parents: [], tags: new Map(), texts: [], textParents: [] };
  // Explicit stack (pages can nest deeply); children pushed in reverse so they pop in document order.
  const nodes: Node[] = [document.documentElement];
  const under: number[] = [-1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = under.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue;
      if (value && NOT_BLANK.test(value)) {
        ix.texts.push(value);
        ix.textParents.push(parent);
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const at = ix.elements.length;
    ix.elements.push(el);
    ix.parents.push(parent);
    // localName: a plain property (tagName is computed on every read in linkedom); lower-case in HTML.
    const list = ix.tags.get(el.localName);
    if (list) list.push(el);
    else ix.tags.set(el.localName, [el]);
    const start = nodes.length;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      nodes.push(c);
      under.push(at);
    }
    for (let i = start, j = nodes.length - 1; i < j; i++, j--) {
      const t = nodes[i]!;
      nodes[i] = nodes[j]!;
      nodes[j] = t;
    }
  }
  return ix;
}

/**
 * The body's visible text, over the page index: visibility is asked top-down, only of elements whose parent is
 * visible, so a hidden subtree costs one check at its top (and the strategy never climbs to the ancestors).
 */
function visibleText(
  ix: PageIndex,
  textRoot: Element,
  visibility: VisibilityStrategy,
): { text: string; blocks: Map<Element, string> } {
  const { elements, parents } = ix;
  const shown = new Uint8Array(elements.length);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const p = parents[i]!;
    if (el === textRoot) shown[i] = !SKIP.has(el.localName) && visibility.check(el).visible ? 1 : 0;
    else if (p >= 0 && shown[p] === 1 && !SKIP.has(el.localName)) {
      const v = visibility.checkUnderVisible ? visibility.checkUnderVisible(el) : visibility.check(el);
      shown[i] = v.visible ? 1 : 0;
    }
  }
  const parts: string[] = [];
  const blocks = new Map<Element, string>();
  for (let j = 0; j < ix.texts.length; j++) {
    const p = ix.textParents[j]!;
    if (shown[p] !== 1) continue;
    const value = ix.texts[j]!;
    const parent = elements[p]!;
    parts.push(value);
    const prev = blocks.get(parent);
    blocks.set(parent, prev === undefined ? value : `${prev} ${value}`);
  }
  return { text: parts.join(" "), blocks };
}

export function viewOf(page: PageSnapshot, input: SiteInput): PageView {
  let view = views.get(page);
  if (!view) {
    const document = page.document;
    let ix: PageIndex | undefined;
    const index = () => {
      ix ??= indexPage(document);
      return ix;
    };
    const visibility = input.visibility
      ? input.visibility(document)
      : createStaticVisibility(document, { styles: () => index().tags.get("style") ?? [] });
    let seen: { text: string; blocks: Map<Element, string> } | undefined;
    const visible = () => {
      seen ??= visibleText(index(), document.body ?? document.documentElement, visibility);
      return seen;
    };
    let normalised: string | undefined;
    view = {
      page,
      visibility,
      text: () => visible().text,
      normalisedText: () => {
        normalised ??= normaliseText(visible().text);
        return normalised;
      },
      elements: () => index().elements,
      byTag: (...tags: string[]) => {
        const tagIndex = index().tags;
        return tags.flatMap((t) => tagIndex.get(t.toLowerCase()) ?? []);
      },
      blocks: () => visible().blocks,
    };
    views.set(page, view);
  }
  return view;
}

export function viewsOf(input: SiteInput): PageView[] {
  return input.pages.map((p) => viewOf(p, input));
}
