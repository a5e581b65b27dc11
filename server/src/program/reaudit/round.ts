// R6.2c: a re-audit round over every active NFR-on-request site, under a lease so that with several server
// instances exactly one runs each Moscow day's round; the lease is renewed before each site.
import type { Logger } from "pino";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { acquireLease, completeLease, isLeaseDone } from "../../jobs/lease.ts";
import { auditNfrSite, type NfrAuditResult, nfrSites } from "./nfr-site.ts";
import type { AuditNetwork, SITE_BOUNDS } from "./run.ts";

/** Longer than one site's audit (crawl budget 60 s + the uncached re-request); renewed per site. */
export const ROUND_LEASE_TTL_MS = 10 * 60 * 1000;

export const roundLeaseName = (day: string) => `reaudit:${day}`;
/** Manual rounds (the CLI) exclude each other, not the day's scheduled round. */
export const MANUAL_LEASE = "reaudit:manual";

export interface RoundOptions {
  clock: Clock;
  holder: string;
  logger?: Logger;
  network?: AuditNetwork;
  bounds?: Partial<typeof SITE_BOUNDS>;
  /** Only this host's site. */
  host?: string;
  /** Sites audited at once (each crawls 2 pages at a time). */
  sitesAtOnce?: number;
  /** By hand: runs even if the day's round is done, under its own lease. */
  manual?: boolean;
  onSite?: (result: NfrAuditResult, done: number, total: number) => void;
  /** Shutdown: no further site starts, the current crawls are cut short and not stored. */
  signal?: AbortSignal;
}

export interface RoundSummary {
  day: string;
  sites: number;
  audited: number;
  pass: number;
  fail: number;
  unreachable: number;
  flagged: number;
  errors: number;
  /** Stopped by shutdown before every site was audited. */
  stopped: boolean;
  reports: NfrAuditResult[];
  ms: number;
}

export type RoundRun = { ran: true; summary: RoundSummary } | { ran: false; reason: "done" | "running" };

export async function runReauditRound(db: Db, options: RoundOptions): Promise<RoundRun> {
  const { clock, holder, logger, manual = false } = options;
  const started = clock.now();
  const day = moscowDay(started);
  const lease = manual ? MANUAL_LEASE : roundLeaseName(day);
  // Checked first: the holder that completed a day must not renew (and so reopen) its lease.
  if (!manual && (await isLeaseDone(db, lease))) return { ran: false, reason: "done" };
  if (!(await acquireLease(db, lease, holder, started, ROUND_LEASE_TTL_MS)))
    return { ran: false, reason: !manual && (await isLeaseDone(db, lease)) ? "done" : "running" };

  const sites = await nfrSites(db, options.host);
  logger?.info({ day, sites: sites.length, manual }, "re-audit round started");
  const summary: RoundSummary = {
    day,
    sites: sites.length,
    audited: 0,
    pass: 0,
    fail: 0,
    unreachable: 0,
    flagged: 0,
    errors: 0,
    stopped: false,
    reports: [],
    ms: 0,
  };
  let next = 0;
  let lost = false;
  const worker = async () => {
    while (!lost && !options.signal?.aborted && next < sites.length) {
      const site = sites[next++]!;
      if (!(await acquireLease(db, lease, holder, clock.now(), ROUND_LEASE_TTL_MS))) {
        // Taken over after an expiry: the other runner finishes the round.
        lost = true;
        logger?.warn({ day, lease }, "re-audit round lost its lease; stopping");
        return;
      }
      try {
        const r = await auditNfrSite(db, site, options);
        summary.audited++;
        if (!r.reachable) summary.unreachable++;
        else if (r.a1 === "pass") summary.pass++;
        else if (r.a1 === "fail") summary.fail++;
        if (r.flagged) summary.flagged++;
        summary.reports.push(r);
        const log = { host: r.host, reportId: r.reportId, a1: r.a1, fails: r.fails, flagged: r.flagged };
        if (!r.reachable) logger?.warn({ ...log, error: r.error }, "re-audit: site unreachable");
        else if (r.flagged) logger?.warn(log, "re-audit: A1 fails after a pass, flagged for moderators");
        else logger?.info(log, "re-audit: site done");
        options.onSite?.(r, summary.audited + summary.errors, sites.length);
      } catch (err) {
        if (options.signal?.aborted) return;
        summary.errors++;
        logger?.error({ err, host: site.host }, "re-audit: site failed");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.sitesAtOnce ?? 2) }, worker));
  summary.reports.sort((a, b) => a.host.localeCompare(b.host));
  summary.ms = clock.now().getTime() - started.getTime();
  summary.stopped = options.signal?.aborted === true && summary.audited + summary.errors < sites.length;
  // Released when stopped (another instance may take the day over), done otherwise.
  if (!lost) {
    if (manual || summary.stopped) await acquireLease(db, lease, holder, clock.now(), -1);
    else await completeLease(db, lease, holder);
  }
  logger?.info({ ...summary, reports: undefined }, "re-audit round done");
  return { ran: true, summary };
}
