// Which partner and/or project a site belongs to, for an audit: registered domains, project hosts and the
// approved card's website; with the card data (A2) and the known keys as md5 hashes (A3) — never raw keys,
// which only the partner's main and full users may see.
import { licenseHash } from "@partner-trust/audit/license";
import { and, desc, eq, inArray, isNull, like } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardVersions, nfrLicenses, partners, projects, registeredDomains } from "../../db/schema/index.ts";
import { approvedCard, normaliseHost, type PartnerCard } from "../public-card/card.ts";

export type MatchedBy = "domain" | "project" | "website" | "picked";

export interface KeyHash {
  label: string;
  hash: string;
  expected: boolean;
}

export interface AuditTarget {
  partner: { id: string; name: string };
  project: { id: string; title: string; host: string } | null;
  matchedBy: MatchedBy[];
  card: PartnerCard | null;
  knownKeys: KeyHash[];
}

type ProjectRow = { id: string; partnerId: string; title: string; host: string; licenseKey: string | null };

async function partnerKeys(db: Db, partnerId: string, host: string | null, projectAudit: boolean) {
  const keys = await db
    .select()
    .from(nfrLicenses)
    .where(and(eq(nfrLicenses.partnerId, partnerId), eq(nfrLicenses.state, "active")));
  return keys
    .filter((k) => k.kind !== "bitrix24")
    .map(
      (k, i): KeyHash => ({
        label:
          k.kind === "request"
            ? `NFR-ключ партнёра для своего сайта / partner's own-site NFR key${k.siteHost ? ` (${k.siteHost})` : ""}`
            : `статусный NFR-ключ партнёра №${i + 1} / partner's status NFR key #${i + 1}`,
        hash: licenseHash(k.licenseKey),
        // R6.2: the partner's own site runs on its on-request NFR key; a client project never on an NFR key.
        expected:
          !projectAudit &&
          k.kind === "request" &&
          host !== null &&
          k.siteHost !== null &&
          normaliseHost(k.siteHost) === host,
      }),
    );
}

async function projectTarget(db: Db, p: ProjectRow, matchedBy: MatchedBy): Promise<AuditTarget | null> {
  const [partner] = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.id, p.partnerId));
  if (!partner) return null;
  const own: KeyHash[] = p.licenseKey
    ? [{ label: "ключ проекта / project key", hash: licenseHash(p.licenseKey), expected: true }]
    : [];
  return {
    partner,
    project: { id: p.id, title: p.title, host: p.host },
    matchedBy: [matchedBy],
    card: await approvedCard(db, partner.id),
    knownKeys: [...own, ...(await partnerKeys(db, partner.id, p.host, true))],
  };
}

async function partnerTarget(
  db: Db,
  partnerId: string,
  matchedBy: MatchedBy[],
  host: string | null,
): Promise<AuditTarget | null> {
  const [partner] = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!partner) return null;
  return {
    partner,
    project: null,
    matchedBy,
    card: await approvedCard(db, partner.id),
    knownKeys: await partnerKeys(db, partner.id, host, false),
  };
}

/** Partners whose newest approved card names this host as its website (older versions do not count). */
async function partnersByWebsite(db: Db, host: string): Promise<string[]> {
  const candidates = await db
    .selectDistinct({ partnerId: cardVersions.partnerId })
    .from(cardVersions)
    .where(and(eq(cardVersions.state, "approved"), like(cardVersions.website, `%${host}%`)));
  const out: string[] = [];
  for (const { partnerId } of candidates) {
    const [newest] = await db
      .select({ website: cardVersions.website })
      .from(cardVersions)
      .where(and(eq(cardVersions.partnerId, partnerId), eq(cardVersions.state, "approved")))
      .orderBy(desc(cardVersions.version))
      .limit(1);
    if (newest?.website && normaliseHost(newest.website) === host) out.push(partnerId);
  }
  return out;
}

export async function lookupTargets(
  db: Db,
  query: { host: string; partnerId?: string | undefined; projectId?: string | undefined },
): Promise<AuditTarget[]> {
  const host = normaliseHost(query.host);
  const targets: AuditTarget[] = [];
  const columns = {
    id: projects.id,
    partnerId: projects.partnerId,
    title: projects.title,
    host: projects.host,
    licenseKey: projects.licenseKey,
  };
  if (query.projectId) {
    const [p] = await db.select(columns).from(projects).where(eq(projects.id, query.projectId));
    const t = p && (await projectTarget(db, p, "picked"));
    if (t) targets.push(t);
  }
  if (query.partnerId) {
    const t = await partnerTarget(db, query.partnerId, ["picked"], host);
    if (t) targets.push(t);
  }
  for (const p of await db.select(columns).from(projects).where(eq(projects.host, host))) {
    if (targets.some((t) => t.project?.id === p.id)) continue;
    const t = await projectTarget(db, p, "project");
    if (t) targets.push(t);
  }
  const byPartner = new Map<string, MatchedBy[]>();
  const domainRows = await db
    .select({ partnerId: registeredDomains.partnerId })
    .from(registeredDomains)
    // A removed domain (kept for the record) no longer belongs to the partner.
    .where(and(inArray(registeredDomains.host, [host, `www.${host}`]), isNull(registeredDomains.removedAt)));
  for (const d of domainRows) byPartner.set(d.partnerId, ["domain"]);
  for (const id of await partnersByWebsite(db, host))
    byPartner.set(id, [...(byPartner.get(id) ?? []), "website"]);
  for (const [partnerId, matchedBy] of byPartner) {
    if (targets.some((t) => !t.project && t.partner.id === partnerId)) continue;
    const t = await partnerTarget(db, partnerId, matchedBy, host);
    if (t) targets.push(t);
  }
  return targets;
}
