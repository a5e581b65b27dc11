// The audit the content script runs in place: A1–A7 over the LIVE document (computed visibility), its
// response headers re-read by a fetch of the same URL, and — for A1 — the site's other pages crawled by the
// shared crawler (fetch() + DOMParser, static visibility). Dependencies are passed in so tests can run it.
import {
  auditSiteUncached,
  type BrowserFetchOptions,
  type CrawlProgress,
  type CrawlResult,
  crawl,
  createStaticVisibility,
  type FetchResult,
  type HeaderMap,
  type PageFetcher,
  type PageSnapshot,
  type SiteInput,
  type VisibilityStrategy,
} from "@partner-trust/audit";
import type { LiveAuditRequest, LiveAuditResult } from "./messaging.ts";

export interface LiveAuditDeps {
  /** The live page's URL (location.href). */
  url: string;
  document: Document;
  /** The live page's strategy: createComputedVisibility(window) in the browser. */
  liveVisibility: VisibilityStrategy;
  parse: (html: string, url: string) => Document;
  fetch: PageFetcher<BrowserFetchOptions>;
  onProgress?: (progress: CrawlProgress) => void;
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = "";
  return u.href;
}

export async function runLiveAudit(request: LiveAuditRequest, deps: LiveAuditDeps): Promise<LiveAuditResult> {
  const url = withoutHash(deps.url);
  let crawled: CrawlResult | undefined;
  let start: FetchResult | undefined;
  try {
    if (request.crawl) {
      crawled = await crawl(url, {
        fetch: deps.fetch,
        parse: deps.parse,
        maxPages: request.maxPages ?? 20,
        ...(deps.onProgress && { onProgress: deps.onProgress }),
      });
    } else {
      // Headers only: the re-fetch of the live URL (see README: why not webRequest).
      start = await deps.fetch(url, { timeoutMs: 15_000, maxBytes: 1 });
    }
  } catch {
    // The site did not answer the re-fetch: the live page is still audited, without headers.
  }
  const first = crawled?.pages[0];
  const headers: HeaderMap = first?.headers ?? start?.headers ?? {};
  const status = first?.status ?? start?.status ?? 200;
  const live: PageSnapshot = { url, status, headers, document: deps.document };
  const others: PageSnapshot[] = (crawled?.pages.slice(1) ?? []).map((p) => ({
    url: p.finalUrl,
    status: p.status,
    headers: p.headers,
    document: p.document,
  }));
  const input: SiteInput = {
    url,
    pages: [live, ...others],
    crawled: crawled !== undefined && crawled.pages.length > 0,
    ...(request.card && { card: request.card }),
    ...(request.knownKeys && { knownKeys: request.knownKeys }),
    visibility: (d) => (d === deps.document ? deps.liveVisibility : createStaticVisibility(d)),
  };
  const audit = await auditSiteUncached(input, async (req) => {
    const res = await deps.fetch(req.url, { headers: req.headers, maxBytes: 1, timeoutMs: 15_000 });
    return { url: res.finalUrl, status: res.status, headers: res.headers };
  });
  return {
    url,
    host: new URL(url).hostname,
    findings: audit.findings,
    pages: input.pages.map((p, i) => ({
      url: p.url,
      status: p.status,
      live: i === 0,
      findings: audit.pageFindings[i] ?? [],
    })),
    skipped: crawled?.skipped ?? [],
    ...(crawled?.stoppedBy && { stoppedBy: crawled.stoppedBy }),
    headersRead: first !== undefined || start !== undefined,
  };
}
