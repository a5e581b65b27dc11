// Node crawler: the shared crawler (crawler.ts) with the guarded fetcher and linkedom.
import { parseHTML } from "linkedom";
import { type CrawlBounds, type CrawlResult, crawl } from "./crawler.ts";
import { type FetchOptions, type FetchResult, safeFetch } from "./fetch.ts";

export type { CrawlBounds, CrawledPage, CrawlProgress, CrawlResult, StopReason } from "./crawler.ts";
export { parseSitemap } from "./crawler.ts";

export interface CrawlOptions extends CrawlBounds, FetchOptions {
  /** Injected for tests; default safeFetch. */
  fetch?: (url: string, options: FetchOptions) => Promise<FetchResult>;
}

export function crawlSite(startUrl: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  return crawl<FetchOptions>(startUrl, {
    ...options,
    fetch: options.fetch ?? safeFetch,
    parse: (html) => parseHTML(html).document,
  });
}
