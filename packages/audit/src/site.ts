// The input of the site-wide checks, and cached per-page views (visibility, visible text) shared by them.
import type { PartnerCard } from "./card.ts";
import { visibleText } from "./dom/walk.ts";
import type { HeaderMap, PageSnapshot } from "./page.ts";
import { createStaticVisibility } from "./visibility/static.ts";
import type { VisibilityStrategy } from "./visibility/types.ts";

export interface KnownKey {
  /** Shown in the finding, e.g. "project key", "NFR key #2 of partner 42". */
  label: string;
  key: string;
  /** The key this site must run on (the project's registered key, or the NFR key for an NFR audit). */
  expected: boolean;
}

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
}

const views = new WeakMap<PageSnapshot, PageView>();

export function viewOf(page: PageSnapshot, input: SiteInput): PageView {
  let view = views.get(page);
  if (!view) {
    const visibility = (input.visibility ?? createStaticVisibility)(page.document);
    let text: string | undefined;
    view = {
      page,
      visibility,
      text: () => {
        text ??= visibleText(page.document.body ?? page.document.documentElement, visibility);
        return text;
      },
    };
    views.set(page, view);
  }
  return view;
}

export function viewsOf(input: SiteInput): PageView[] {
  return input.pages.map((p) => viewOf(p, input));
}
