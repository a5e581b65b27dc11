// R6.2c: one re-audit of a partner's own site under its NFR-on-request license — the approved card (A2), the
// NFR key's hash as the expected key (A3), a crawl for A1 on every page; a failing A1 after a pass is flagged.
import { licenseHash } from "@partner-trust/audit/license";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { cardVersions, nfrLicenses, partners } from "../../db/schema/index.ts";
import { approvedCard, normaliseHost } from "../../routes/public-card/card.ts";
import { loadMails } from "../mail-templates/store.ts";
import { reauditMails } from "./mail.ts";
import { type AuditNetwork, auditSite, type SITE_BOUNDS } from "./run.ts";
import { lastA1, storeServerReport } from "./store.ts";

export interface NfrSite {
  licenseId: string;
  partnerId: string;
  partnerName: string;
  /** Normalised (lower-case, punycode, no www.). */
  host: string;
  url: string;
  keyHash: string;
}

/**
 * Every active NFR-on-request license with a site (optionally only `host`'s). The URL is the newest approved
 * card's website when it is on that host (its scheme and port kept), else `https://<host>/`.
 */
export async function nfrSites(db: Db, host?: string): Promise<NfrSite[]> {
  const rows = await db
    .select({
      licenseId: nfrLicenses.id,
      partnerId: nfrLicenses.partnerId,
      partnerName: partners.name,
      siteHost: nfrLicenses.siteHost,
      licenseKey: nfrLicenses.licenseKey,
    })
    .from(nfrLicenses)
    .innerJoin(partners, eq(partners.id, nfrLicenses.partnerId))
    .where(
      and(eq(nfrLicenses.kind, "request"), eq(nfrLicenses.state, "active"), isNotNull(nfrLicenses.siteHost)),
    )
    .orderBy(nfrLicenses.siteHost);
  const wanted = host === undefined ? undefined : normaliseHost(host);
  const sites: NfrSite[] = [];
  for (const r of rows) {
    const siteHost = normaliseHost(r.siteHost!);
    if (wanted !== undefined && siteHost !== wanted) continue;
    const [card] = await db
      .select({ website: cardVersions.website })
      .from(cardVersions)
      .where(and(eq(cardVersions.partnerId, r.partnerId), eq(cardVersions.state, "approved")))
      .orderBy(desc(cardVersions.version))
      .limit(1);
    const website = card?.website && normaliseHost(card.website) === siteHost ? card.website : undefined;
    sites.push({
      licenseId: r.licenseId,
      partnerId: r.partnerId,
      partnerName: r.partnerName,
      host: siteHost,
      url: website && /^https?:\/\//i.test(website) ? website : `https://${siteHost}/`,
      keyHash: licenseHash(r.licenseKey),
    });
  }
  return sites;
}

export interface NfrAuditDeps {
  clock: Clock;
  network?: AuditNetwork;
  bounds?: Partial<typeof SITE_BOUNDS>;
  /** Shutdown: the crawl is cut short and nothing is stored. */
  signal?: AbortSignal;
}

export interface NfrAuditResult {
  host: string;
  url: string;
  reportId: string;
  reachable: boolean;
  /** A1's site-wide verdict ("review" when the site was unreachable). */
  a1: "pass" | "fail" | "review";
  flagged: boolean;
  fails: string[];
  error?: { code: string; message: string };
}

export async function auditNfrSite(db: Db, site: NfrSite, deps: NfrAuditDeps): Promise<NfrAuditResult> {
  const checkedAt = deps.clock.now();
  const audit = await auditSite({
    url: site.url,
    checkedAt,
    card: await approvedCard(db, site.partnerId),
    expectedKey: {
      label: `NFR-ключ партнёра для своего сайта / partner's own-site NFR key (${site.host})`,
      hash: site.keyHash,
    },
    network: { ...deps.network, ...(deps.signal && { signal: deps.signal }) },
    ...(deps.bounds && { bounds: deps.bounds }),
    unreachableAs: { rule: "A1", verdict: "review" },
  });
  // A crawl cut short by shutdown says nothing about the site.
  deps.signal?.throwIfAborted();
  const a1 = audit.report.findings.find((f) => f.rule === "A1")?.verdict ?? "review";
  // A fail after a pass — or a first fail: the license was granted on a compliant site (R6.2b).
  const flagged = a1 === "fail" && (await lastA1(db, site.host, checkedAt)) !== "fail";
  const fails = audit.report.findings.filter((f) => f.verdict === "fail").map((f) => f.rule);
  const note = !audit.reachable
    ? `Сервер, повторный аудит NFR (R6.2c): сайт недоступен / Server NFR re-audit (R6.2c): site unreachable — ${audit.error.code}`
    : flagged
      ? "Сервер, повторный аудит NFR (R6.2c): A1 не пройден после успешной проверки — нужна проверка модератора / Server NFR re-audit (R6.2c): A1 fails after a pass — needs a moderator's review"
      : `Сервер, повторный аудит NFR (R6.2c) / Server NFR re-audit (R6.2c): A1 ${a1}${fails.length ? `; fail: ${fails.join(", ")}` : ""}`;
  const reportId = await storeServerReport(db, {
    report: audit.report,
    partnerId: site.partnerId,
    note,
    now: checkedAt,
    flag: flagged
      ? {
          reason: `«${site.partnerName}», ${site.host}: A1 (R6.2c) не пройден после успешной проверки / A1 (R6.2c) fails after a pass`,
          mail: (await loadMails(db)).render(reauditMails.nfrSiteFlagged, {
            partner: site.partnerName,
            host: site.host,
            url: audit.report.url,
          }),
        }
      : undefined,
  });
  return {
    host: site.host,
    url: site.url,
    reportId,
    reachable: audit.reachable,
    a1,
    flagged,
    fails,
    ...(!audit.reachable && { error: audit.error }),
  };
}
