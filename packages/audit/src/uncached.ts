// A3's composite-cache rule, one place for every runner: audit; when A3 asks, re-request the start page
// past the composite cache and audit again with the answer.
import { auditSite, type SiteAudit } from "./audit.ts";
import { uncachedRequest } from "./checks/a3-license.ts";
import type { HeaderMap } from "./page.ts";
import type { SiteInput } from "./site.ts";

export type UncachedFetch = (request: {
  url: string;
  headers: Record<string, string>;
}) => Promise<{ url: string; status: number; headers: HeaderMap }>;

export async function auditSiteUncached(input: SiteInput, fetchUncached: UncachedFetch): Promise<SiteAudit> {
  const audit = auditSite(input);
  const a3 = audit.findings.find((f) => f.rule === "A3");
  const start = input.pages[0];
  if (a3?.details?.action !== "refetch-uncached" || !start) return audit;
  try {
    const uncached = await fetchUncached(uncachedRequest(start.url));
    return auditSite({ ...input, uncached });
  } catch {
    // The re-request failed: A3 stays "review: composite cache, re-request needed".
    return audit;
  }
}
