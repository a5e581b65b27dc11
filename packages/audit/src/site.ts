// The input of the site-wide checks, and cached per-page views (visibility, visible text) shared by them.
import type { PartnerCard } from "./card.ts";
import { normaliseText } from "./dom/text.ts";
import { allElements, walkVisibleText } from "./dom/walk.ts";
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
  /** Every element of the document, in document order (computed once; cheaper than many selector queries). */
  elements(): readonly Element[];
  /** Elements with these tag names (any case), in document order per tag. */
  byTag(...tags: string[]): Element[];
}

const views = new WeakMap<PageSnapshot, PageView>();

export function viewOf(page: PageSnapshot, input: SiteInput): PageView {
  let view = views.get(page);
  if (!view) {
    const visibility = input.visibility
      ? input.visibility(page.document)
      : createStaticVisibility(page.document, { styles: () => view!.byTag("STYLE") });
    let text: string | undefined;
    let normalised: string | undefined;
    let blocks: Map<Element, string> | undefined;
    let elements: Element[] | undefined;
    let tagIndex: Map<string, Element[]> | undefined;
    const walk = () => {
      const parts: string[] = [];
      blocks = new Map();
      const b = blocks;
      walkVisibleText(page.document.body ?? page.document.documentElement, visibility, (t, parent) => {
        parts.push(t);
        const prev = b.get(parent);
        b.set(parent, prev === undefined ? t : `${prev} ${t}`);
      });
      text = parts.join(" ");
    };
    view = {
      page,
      visibility,
      text: () => {
        if (text === undefined) walk();
        return text!;
      },
      normalisedText: () => {
        normalised ??= normaliseText(view!.text());
        return normalised;
      },
      elements: () => {
        elements ??= allElements(page.document.documentElement);
        return elements;
      },
      byTag: (...tags: string[]) => {
        if (!tagIndex) {
          tagIndex = new Map();
          // localName: a plain property (tagName is computed on every read in linkedom); lower-case in HTML.
          for (const e of view!.elements()) {
            const t = e.localName;
            const list = tagIndex.get(t);
            if (list) list.push(e);
            else tagIndex.set(t, [e]);
          }
        }
        const index = tagIndex;
        return tags.flatMap((t) => index.get(t.toLowerCase()) ?? []);
      },
      blocks: () => {
        if (blocks === undefined) walk();
        return blocks!;
      },
    };
    views.set(page, view);
  }
  return view;
}

export function viewsOf(input: SiteInput): PageView[] {
  return input.pages.map((p) => viewOf(p, input));
}
