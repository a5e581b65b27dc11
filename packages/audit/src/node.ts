// Node-only part: guarded fetcher, crawler, and a crawl-then-audit runner used by the CLI and the server.
export {
  type CrawledPage,
  type CrawlOptions,
  type CrawlProgress,
  type CrawlResult,
  crawlSite,
  parseSitemap,
} from "./net/crawl.ts";
export { decodeHtml, FetchError, type FetchOptions, type FetchResult, safeFetch } from "./net/fetch.ts";
export { BlockedAddressError, isForbiddenAddress } from "./net/guard.ts";
export { parseResolve, type ResolveMap } from "./net/resolve.ts";
export { type AuditReport, type RunAuditOptions, runAudit } from "./run.ts";
