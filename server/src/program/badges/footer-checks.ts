// W4, R6.2c: the footer checks pages report — stored only for URLs on the partner's registered (verified)
// domains, once per page (origin + path) and Moscow day; the rest is ignored.
import { and, desc, eq } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { footerChecks } from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";
import { normaliseHost } from "../../routes/public-card/card.ts";
import type { BadgeService } from "./service.ts";

export type FooterCheck = { url: string; compliant: boolean; problems: string[] };

/** Pages already stored today, per process: repeated beacons cost no write. Cleared when the day turns. */
const seen = { day: "", keys: new Set<string>() };

export async function recordFooterCheck(
  db: Db,
  badges: BadgeService,
  partnerId: string,
  check: FooterCheck,
  now: Date,
): Promise<boolean> {
  const signed = await badges.status(partnerId);
  if (!signed) throw notFound("No partner has this ID. / Партнёр с таким идентификатором не найден.");
  const url = new URL(check.url);
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  const host = normaliseHost(url.hostname);
  if (!signed.claim.domains.includes(host)) return false;
  const day = moscowDay(now);
  const page = `${url.origin}${url.pathname}`;
  if (seen.day !== day) {
    seen.day = day;
    seen.keys.clear();
  }
  const key = `${partnerId}\u0000${page}`;
  if (seen.keys.has(key)) return false;
  if (seen.keys.size < 100_000) seen.keys.add(key);
  const inserted = await db
    .insert(footerChecks)
    .values({
      partnerId,
      host,
      page,
      day,
      compliant: check.compliant,
      problems: [...new Set(check.problems)],
      reportedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: footerChecks.id });
  return inserted.length > 0;
}

/** The latest report per page (newest day first). */
export async function listFooterChecks(db: Db, partnerId: string, limit = 500) {
  const rows = await db
    .select()
    .from(footerChecks)
    .where(and(eq(footerChecks.partnerId, partnerId)))
    .orderBy(desc(footerChecks.day), footerChecks.page)
    .limit(limit);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.page)) latest.set(r.page, r);
  return [...latest.values()].map((r) => ({
    page: r.page,
    host: r.host,
    day: r.day,
    compliant: r.compliant,
    problems: r.problems,
    reportedAt: r.reportedAt.toISOString(),
  }));
}
