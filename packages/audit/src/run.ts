// Node runner: crawl a site, re-request the start page uncached when A3 asks for it, audit, build the report.
import type { PartnerCard } from "./card.ts";
import type { Finding } from "./finding.ts";
import { type CrawlOptions, crawlSite } from "./net/crawl.ts";
import { safeFetch } from "./net/fetch.ts";
import type { KnownKey, ProjectFingerprint, SiteInput } from "./site.ts";
import { auditSiteUncached } from "./uncached.ts";

export interface RunAuditOptions extends CrawlOptions {
  card?: PartnerCard;
  knownKeys?: readonly KnownKey[];
  fingerprints?: readonly ProjectFingerprint[];
  /** The report's timestamp (the caller owns the clock). */
  checkedAt: Date;
}

export interface AuditReport {
  url: string;
  checkedAt: string;
  pages: { url: string; status: number; bytes: number; findings?: Finding[] }[];
  findings: Finding[];
}

export async function runAudit(url: string, options: RunAuditOptions): Promise<AuditReport> {
  const crawl = await crawlSite(url, options);
  const input: SiteInput = {
    url,
    pages: crawl.pages.map((p) => ({
      url: p.finalUrl,
      status: p.status,
      headers: p.headers,
      document: p.document,
    })),
    crawled: true,
    ...(options.card && { card: options.card }),
    knownKeys: [
      ...(options.card?.licenseKey
        ? [{ label: "ключ проекта / project key", key: options.card.licenseKey, expected: true }]
        : []),
      ...(options.knownKeys ?? []),
    ],
    ...(options.fingerprints && { fingerprints: options.fingerprints }),
  };
  const audit = await auditSiteUncached(input, async (req) => {
    const res = await safeFetch(req.url, { ...options, headers: { ...options.headers, ...req.headers } });
    return { url: res.finalUrl, status: res.status, headers: res.headers };
  });
  return {
    url,
    checkedAt: options.checkedAt.toISOString(),
    pages: crawl.pages.map((p, i) => ({
      url: p.finalUrl,
      status: p.status,
      bytes: p.bytes,
      findings: audit.pageFindings[i] ?? [],
    })),
    findings: audit.findings,
  };
}
