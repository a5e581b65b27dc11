// Node runner: crawl a site, re-request the start page uncached when A3 asks for it, audit, build the report.
import { auditSite } from "./audit.ts";
import type { PartnerCard } from "./card.ts";
import { uncachedRequest } from "./checks/a3-license.ts";
import type { Finding } from "./finding.ts";
import { type CrawlOptions, crawlSite } from "./net/crawl.ts";
import { safeFetch } from "./net/fetch.ts";
import type { KnownKey, ProjectFingerprint, SiteInput } from "./site.ts";

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
  let audit = auditSite(input);
  const a3 = audit.findings.find((f) => f.rule === "A3");
  if (a3?.details?.action === "refetch-uncached" && input.pages[0]) {
    // A3: the composite cache may drop X-Powered-CMS; ask again bypassing it before calling it missing.
    const req = uncachedRequest(input.pages[0].url);
    try {
      const res = await safeFetch(req.url, { ...options, headers: { ...options.headers, ...req.headers } });
      audit = auditSite({
        ...input,
        uncached: { url: res.finalUrl, status: res.status, headers: res.headers },
      });
    } catch {
      // The re-request failed: A3 stays "review: composite cache, re-request needed".
    }
  }
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
