// R2.7, R4.3: the public directory — published partners (R1.4a) in the engine's ranking order.
import { activeFrom, evaluatePartner, type RankingInput, rankingScore } from "@partner-trust/rules";
import { and, count, desc, eq, gt, gte, inArray, isNull, or } from "drizzle-orm";
import { type Clock, moscowDay, moscowMidnight } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import {
  additionalPointsRequests,
  cardVersions,
  competencies,
  type PartnerStatus,
  partners,
} from "../../db/schema/index.ts";
import { publicLogoUrl } from "../cards/logos.ts";
import { publication } from "../cards/versions.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { loadFactsOf } from "../status/facts.ts";

export type DirectoryEntry = {
  id: string;
  name: string;
  status: PartnerStatus;
  city: string;
  competencies: { id: string; ru: string; en: string }[];
  logoUrl: string | null;
  website: string | null;
  description: string;
  score: number;
  approvedOn: string;
};

/**
 * The published partners (all, or those of `only`) with their ranking score, in the engine's rankPartners order:
 * score desc, then earlier approval, then id. Runs the engine per partner: callers read the directory through
 * `publishedPartners` (cache.ts), which asks again only for the partners that changed.
 */
export async function rankPublishedPartners(
  db: Db,
  { clock }: { clock: Clock },
  only?: readonly string[],
): Promise<DirectoryEntry[]> {
  const rows = await db
    .select({ partner: partners, card: cardVersions })
    .from(partners)
    .innerJoin(cardVersions, and(eq(cardVersions.partnerId, partners.id), eq(cardVersions.state, "approved")))
    .where(
      and(
        // R1.5: a scheduled termination counts from its day; during the notice the partner is still listed.
        or(isNull(partners.terminatedAt), gt(partners.terminatedAt, clock.now())),
        only ? inArray(partners.id, [...only]) : undefined,
      ),
    )
    .orderBy(desc(cardVersions.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.partner.id)) latest.set(r.partner.id, r);
  const on = moscowDay(clock.now());
  const catalogue = await loadCatalogue(db);
  const titles = new Map(
    (
      await db
        .select({ code: competencies.code, ru: competencies.titleRu, en: competencies.titleEn })
        .from(competencies)
    ).map((t) => [t.code, t]),
  );
  const marketing = await marketingActivities(db, on);
  const listed = [...latest.values()].filter(
    ({ partner, card }) => partner.status !== "none" && publication(card).publishable,
  );
  const factsOf = await loadFactsOf(db, only ?? listed.map((l) => l.partner.id));
  const out: DirectoryEntry[] = [];
  for (const { partner, card } of listed) {
    const facts = factsOf.get(partner.id);
    if (!facts) continue;
    const evaluated = evaluatePartner(facts, on, catalogue);
    const input: RankingInput = {
      id: partner.id,
      approvedOn: facts.approvedOn,
      status: partner.status,
      addedProjects: facts.creditedProjects.length,
      qmProjects: facts.qmCompletions.length,
      marketingActivities: marketing.get(partner.id) ?? 0,
      certifiedEmployees: Object.values(evaluated.certificates).reduce((a, b) => a + b, 0),
      activePoints: evaluated.activePoints,
    };
    out.push({
      id: partner.id,
      name: card.name,
      status: partner.status,
      city: card.city,
      competencies: evaluated.competencies.map((code) => ({
        id: code,
        ru: titles.get(code)?.ru ?? code,
        en: titles.get(code)?.en ?? code,
      })),
      logoUrl: card.logoId ? publicLogoUrl(partner.id) : null,
      website: card.website,
      description: card.description ?? "",
      score: rankingScore(input),
      approvedOn: facts.approvedOn,
    });
  }
  return out.sort(compareRank);
}

/**
 * R2.7 "marketing activity": R5.3 requests for marketing activity a moderator approved within the points' window
 * (R5.6: the activity counts as long as the points it earned would).
 */
async function marketingActivities(db: Db, on: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ partnerId: additionalPointsRequests.partnerId, n: count() })
    .from(additionalPointsRequests)
    .where(
      and(
        eq(additionalPointsRequests.reason, "marketing"),
        eq(additionalPointsRequests.state, "approved"),
        gte(additionalPointsRequests.decidedAt, moscowMidnight(activeFrom(on))),
      ),
    )
    .groupBy(additionalPointsRequests.partnerId);
  return new Map(rows.map((r) => [r.partnerId, r.n]));
}

export function compareRank(a: Pick<DirectoryEntry, "score" | "approvedOn" | "id">, b: typeof a): number {
  return (
    b.score - a.score ||
    (a.approvedOn < b.approvedOn ? -1 : a.approvedOn > b.approvedOn ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export type DirectoryQuery = { city?: string; status?: PartnerStatus; competency?: string; q?: string };

export function filterDirectory(entries: DirectoryEntry[], query: DirectoryQuery): DirectoryEntry[] {
  const city = query.city?.trim().toLocaleLowerCase("ru");
  const q = query.q?.trim().toLocaleLowerCase("ru");
  return entries.filter(
    (e) =>
      (!city || e.city.toLocaleLowerCase("ru") === city) &&
      (!query.status || e.status === query.status) &&
      (!query.competency || e.competencies.some((c) => c.id === query.competency)) &&
      (!q || `${e.name}\n${e.description}`.toLocaleLowerCase("ru").includes(q)),
  );
}

type CursorKey = { s: number; a: string; i: string };

/** Opaque cursor: the rank key of the last item returned; the next page starts strictly after it. */
export function page(entries: DirectoryEntry[], cursor: string | undefined, limit: number) {
  let start = 0;
  if (cursor) {
    const key = decodeCursor(cursor);
    const after = { score: key.s, approvedOn: key.a, id: key.i };
    start = entries.findIndex((e) => compareRank(e, after) > 0);
    if (start < 0) start = entries.length;
  }
  const items = entries.slice(start, start + limit);
  const last = items.at(-1);
  const nextCursor =
    last && start + limit < entries.length
      ? Buffer.from(JSON.stringify({ s: last.score, a: last.approvedOn, i: last.id })).toString("base64url")
      : null;
  return { items, nextCursor };
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorKey;
    if (typeof key.s === "number" && typeof key.a === "string" && typeof key.i === "string") return key;
  } catch {
    // fall through
  }
  throw new Error("invalid cursor");
}
