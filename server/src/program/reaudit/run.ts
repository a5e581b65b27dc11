/// <reference lib="dom" />
// Runs one server audit with the guarded fetcher (`@partner-trust/audit/node`); a site that cannot be fetched
// (down, refused by the address guard, timed out) becomes a report with one clear finding instead of an error.
// The DOM lib reference: the audit package's types name Document/Element (the server itself has no DOM).
import type { Finding, ProjectFingerprint, Verdict } from "@partner-trust/audit";
import { type AuditReport, FetchError, type ResolveMap, runAudit } from "@partner-trust/audit/node";
import type { PartnerCard } from "../../routes/public-card/card.ts";

export type { AuditReport, Finding };

/**
 * Where and how far the server may fetch. `allowPrivate` lets loopback/private addresses through: tests and
 * the CLI's explicit `--allow-private` only — the scheduler never sets it.
 */
export interface AuditNetwork {
  allowPrivate?: boolean;
  resolve?: ResolveMap;
  maxPages?: number;
  maxDepth?: number;
  timeBudgetMs?: number;
  maxTotalBytes?: number;
  concurrency?: number;
  /** Per request, redirects included. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** R6.2c re-audits crawl the site: A1 wants the footer on every page. */
export const SITE_BOUNDS = {
  maxPages: 30,
  maxDepth: 3,
  timeBudgetMs: 60_000,
  maxTotalBytes: 20 << 20,
  concurrency: 2,
  timeoutMs: 15_000,
};

export interface SiteAuditRequest {
  url: string;
  checkedAt: Date;
  card?: PartnerCard | null;
  /** The key hash the site must run on (A3), with a label for the finding. */
  expectedKey?: { label: string; hash: string } | undefined;
  network?: AuditNetwork;
  /** A6: other projects' fingerprints to compare the start page with. */
  fingerprints?: readonly ProjectFingerprint[] | undefined;
  bounds?: Partial<typeof SITE_BOUNDS>;
  /** The finding an unreachable site gets: which rule it stands for, and its verdict. */
  unreachableAs: { rule: Finding["rule"]; verdict: Verdict };
}

export type SiteAudit =
  | { reachable: true; report: AuditReport }
  | { reachable: false; report: AuditReport; error: { code: string; message: string } };

/** The finding of a site that could not be fetched: what was tried and why it failed. */
export function unreachableFinding(
  url: string,
  error: { code: string; message: string },
  as: SiteAuditRequest["unreachableAs"],
): Finding {
  const blocked = error.code === "blocked";
  return {
    rule: as.rule,
    verdict: as.verdict,
    message: blocked
      ? {
          ru: `Сайт не проверен: адрес запрещён для проверок (внутренняя или служебная сеть): ${error.message}`,
          en: `Site not checked: its address is refused for audits (private or reserved network): ${error.message}`,
        }
      : {
          ru: `Сайт недоступен, проверка невозможна (${error.code}): ${error.message}`,
          en: `Site unreachable, nothing could be checked (${error.code}): ${error.message}`,
        },
    evidence: [{ url, excerpt: error.message.slice(0, 2000) }],
    details: { unreachable: true, code: error.code },
  };
}

export async function auditSite(req: SiteAuditRequest): Promise<SiteAudit> {
  const { network = {}, bounds = {} } = req;
  try {
    const report = await runAudit(req.url, {
      ...SITE_BOUNDS,
      ...network,
      ...bounds,
      checkedAt: req.checkedAt,
      ...(req.card && { card: req.card }),
      knownKeys: req.expectedKey ? [{ ...req.expectedKey, expected: true }] : [],
      ...(req.fingerprints && { fingerprints: req.fingerprints }),
    });
    return { reachable: true, report };
  } catch (err) {
    const error =
      err instanceof FetchError
        ? { code: err.code, message: err.message }
        : { code: "error", message: err instanceof Error ? err.message : String(err) };
    return {
      reachable: false,
      error,
      report: {
        url: req.url,
        checkedAt: req.checkedAt.toISOString(),
        pages: [],
        findings: [unreachableFinding(req.url, error, req.unreachableAs)],
      },
    };
  }
}
