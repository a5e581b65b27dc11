// The crawler's queue, bounds and link extraction, browser-safe: the fetcher and the HTML parser are
// passed in (Node: the guarded fetcher + linkedom, see crawl.ts; browser: fetch() + DOMParser).
// Crawls the start page, sitemap.xml (and robots.txt Sitemap: lines) and same-site links, breadth first,
// bounded by pages, depth, total time and bytes, with polite concurrency.
import type { HeaderMap } from "../page.ts";
import { decodeHtml } from "./decode.ts";
import { FetchError, type FetchResult } from "./types.ts";

/** What the crawler sets on every request; a fetcher may take more options (they are passed through). */
export interface FetchLimits {
  /** Whole request including redirects. */
  timeoutMs?: number;
  /** Body bytes kept; the rest is cut off and `truncated` set. */
  maxBytes?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export type PageFetcher<O extends FetchLimits = FetchLimits> = (
  url: string,
  options: O,
) => Promise<FetchResult>;

export interface CrawlBounds {
  maxPages?: number;
  maxDepth?: number;
  /** Total crawl time; default 60 s. */
  timeBudgetMs?: number;
  /** Total body bytes over all pages; default 20 MB. */
  maxTotalBytes?: number;
  /** Requests in flight at once; default 2. */
  concurrency?: number;
  sitemap?: boolean;
  onProgress?: (progress: CrawlProgress) => void;
}

export type CrawlerOptions<O extends FetchLimits> = CrawlBounds &
  O & {
    fetch: PageFetcher<O>;
    /** HTML text → Document (linkedom's parseHTML in Node, DOMParser in a browser). */
    parse: (html: string, url: string) => Document;
  };

export interface CrawlProgress {
  done: number;
  queued: number;
  inFlight: number;
  bytes: number;
  current?: string;
}

export interface CrawledPage {
  url: string;
  finalUrl: string;
  status: number;
  headers: HeaderMap;
  bytes: number;
  truncated: boolean;
  depth: number;
  document: Document;
}

export type StopReason = "max-pages" | "time" | "bytes";

export interface CrawlResult {
  pages: CrawledPage[];
  skipped: { url: string; reason: string }[];
  stoppedBy?: StopReason;
  elapsedMs: number;
  bytes: number;
}

const NOT_HTML =
  /\.(?:jpe?g|png|gif|webp|svg|ico|bmp|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|tar|mp[34]|avi|mov|webm|css|js|json|xml|txt|woff2?|ttf|eot)$/i;

function siteKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, "");
}

function canonical(url: URL): string {
  const u = new URL(url);
  u.hash = "";
  return u.href;
}

export function parseSitemap(xml: string): { urls: string[]; sitemaps: string[] } {
  const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) =>
    m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
  );
  return /<sitemapindex/i.test(xml) ? { urls: [], sitemaps: locs } : { urls: locs, sitemaps: [] };
}

export async function crawl<O extends FetchLimits>(
  startUrl: string,
  options: CrawlerOptions<O>,
): Promise<CrawlResult> {
  const maxPages = options.maxPages ?? 20;
  const maxDepth = options.maxDepth ?? 3;
  const budget = options.timeBudgetMs ?? 60_000;
  const maxTotalBytes = options.maxTotalBytes ?? 20 * 1024 * 1024;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const doFetch = options.fetch;
  const started = performance.now();
  const remaining = () => budget - (performance.now() - started);
  const pages: CrawledPage[] = [];
  const skipped: CrawlResult["skipped"] = [];
  const seen = new Set<string>();
  const fetched = new Set<string>(); // final URLs already taken as pages (two links may redirect to one page)
  const queue: { url: string; depth: number }[] = [];
  let bytes = 0;
  let stoppedBy: StopReason | undefined;
  let inFlight = 0;

  const fetchOpts = (extra?: Partial<FetchLimits>): O =>
    ({
      ...options,
      timeoutMs: Math.max(1, Math.floor(Math.min(options.timeoutMs ?? 15_000, remaining()))),
      maxBytes: Math.max(1, Math.min(options.maxBytes ?? 5 * 1024 * 1024, maxTotalBytes - bytes)),
      ...extra,
    }) as O;
  const progress = (current?: string) =>
    options.onProgress?.({
      done: pages.length,
      queued: queue.length,
      inFlight,
      bytes,
      ...(current && { current }),
    });

  // The start page decides the site (after its redirects); failing it means the site is unreachable.
  progress(startUrl);
  const first = await doFetch(startUrl, fetchOpts());
  const site = siteKey(new URL(first.finalUrl).hostname);
  const enqueue = (raw: string, base: string, depth: number) => {
    let u: URL;
    try {
      u = new URL(raw, base);
    } catch {
      return;
    }
    if ((u.protocol !== "http:" && u.protocol !== "https:") || siteKey(u.hostname) !== site) return;
    if (NOT_HTML.test(u.pathname) || depth > maxDepth) return;
    const key = canonical(u);
    if (seen.has(key)) return;
    seen.add(key);
    queue.push({ url: key, depth });
  };
  seen.add(canonical(new URL(startUrl)));
  seen.add(canonical(new URL(first.finalUrl)));

  const accept = (res: FetchResult, depth: number): void => {
    bytes += res.body.length;
    const type = String(res.headers["content-type"] ?? "text/html");
    if (!/html/i.test(type)) {
      skipped.push({ url: res.url, reason: `not HTML (${type})` });
      return;
    }
    const final = canonical(new URL(res.finalUrl));
    if (fetched.has(final)) {
      skipped.push({ url: res.url, reason: `duplicate of ${res.finalUrl}` });
      return;
    }
    fetched.add(final);
    const html = decodeHtml(res.body, type);
    const document = options.parse(html, res.finalUrl);
    pages.push({
      url: res.url,
      finalUrl: res.finalUrl,
      status: res.status,
      headers: res.headers,
      bytes: res.body.length,
      truncated: res.truncated,
      depth,
      document,
    });
    if (depth < maxDepth)
      for (const a of Array.from(document.querySelectorAll("a[href]"))) {
        if (a.getAttribute("rel")?.includes("nofollow")) continue;
        enqueue(a.getAttribute("href") ?? "", res.finalUrl, depth + 1);
      }
  };
  accept(first, 0);

  if (options.sitemap !== false && pages.length < maxPages) {
    const origin = new URL(first.finalUrl).origin;
    const sitemapUrls = new Set([`${origin}/sitemap.xml`]);
    try {
      const robots = await doFetch(`${origin}/robots.txt`, fetchOpts({ maxBytes: 512 * 1024 }));
      if (robots.status === 200)
        for (const m of new TextDecoder().decode(robots.body).matchAll(/^\s*sitemap:\s*(\S+)/gim))
          sitemapUrls.add(new URL(m[1]!, origin).href);
    } catch {
      // robots.txt is optional
    }
    const sitemapQueue = [...sitemapUrls];
    for (let i = 0; i < sitemapQueue.length && i < 5 && remaining() > 0; i++) {
      try {
        const res = await doFetch(sitemapQueue[i]!, fetchOpts({ maxBytes: 5 * 1024 * 1024 }));
        if (res.status !== 200) continue;
        const parsed = parseSitemap(new TextDecoder().decode(res.body));
        for (const s of parsed.sitemaps)
          if (!sitemapQueue.includes(s) && siteKey(new URL(s).hostname) === site) sitemapQueue.push(s);
        for (const u of parsed.urls) enqueue(u, origin, 1);
      } catch {
        // a missing or broken sitemap is not an error
      }
    }
  }

  const active = new Set<Promise<void>>();
  const stop = (): boolean => {
    if (pages.length + inFlight >= maxPages) stoppedBy ??= queue.length > 0 ? "max-pages" : undefined;
    else if (remaining() <= 0) stoppedBy ??= "time";
    else if (bytes >= maxTotalBytes) stoppedBy ??= "bytes";
    else return false;
    return true;
  };
  while (queue.length > 0 || active.size > 0) {
    while (queue.length > 0 && active.size < concurrency && !stop()) {
      const next = queue.shift()!;
      inFlight++;
      progress(next.url);
      const task = doFetch(next.url, fetchOpts())
        .then(
          (res) => {
            if (pages.length < maxPages) accept(res, next.depth);
          },
          (e: unknown) => {
            skipped.push({
              url: next.url,
              reason: e instanceof FetchError ? `${e.code}: ${e.message}` : String(e),
            });
          },
        )
        .finally(() => {
          inFlight--;
          active.delete(task);
          progress();
        });
      active.add(task);
    }
    if (active.size === 0) break;
    await Promise.race(active);
  }
  if (queue.length > 0 && !stoppedBy) stop();
  return {
    pages,
    skipped,
    ...(stoppedBy && { stoppedBy }),
    elapsedMs: Math.round(performance.now() - started),
    bytes,
  };
}
