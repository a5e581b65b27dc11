// Widgets demo data (W1): a terminated partner ("not a partner", R1.5c), and — DEMO ONLY — `localhost` as a
// verified domain of one Gold, one Certified and one Business partner, so /widgets/demo shows "verified"
// badges when opened on localhost. A real deployment registers real hosts only.
import { moscowDay, moscowMidnight } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { agoFrom, dayAgoFrom, type SeedContext } from "./context.ts";

export const terminatedDemoPartner = { slug: "zeta", name: "Зета Веб", city: "Самара" } as const;
/** Demo partners whose badges verify on localhost: Gold with competencies and QM, Certified, Business. */
export const localhostDemoSlugs = ["alfa", "beta", "gamma"] as const;

export async function seedWidgetDemo(ctx: SeedContext, partnerIds: Record<string, string>): Promise<string> {
  const { db, now, accountIds } = ctx;
  const ago = agoFrom(now);
  const approvedAt = ago(800);
  const host = `${terminatedDemoPartner.slug}-web.ru`;
  const id = crypto.randomUUID();
  await db.insert(s.partners).values({
    id,
    name: terminatedDemoPartner.name,
    legalKind: "legal_entity",
    city: terminatedDemoPartner.city,
    approvedAt,
    status: "business",
    statusSince: moscowDay(approvedAt),
    contractAt: approvedAt,
    terminationNoticeAt: ago(50),
    // R1.5: 00:00 MSK of the termination day; the replay turns the status to none.
    terminatedAt: moscowMidnight(dayAgoFrom(now)(20)),
  });
  await db.insert(s.cardVersions).values({
    partnerId: id,
    version: 1,
    state: "approved",
    name: terminatedDemoPartner.name,
    city: terminatedDemoPartner.city,
    website: `https://${host}`,
    emails: [`info@${host}`],
    submittedAt: approvedAt,
    reviewedAt: approvedAt,
    reviewedBy: accountIds.moderator,
  });
  await db
    .insert(s.statusTerms)
    .values({ partnerId: id, status: "business", startsOn: moscowDay(approvedAt) });
  await db.insert(s.registeredDomains).values([
    { partnerId: id, host, verification: "verified", verifiedAt: approvedAt },
    { partnerId: id, host: "localhost", verification: "verified", verifiedAt: now },
    ...localhostDemoSlugs.map((slug) => ({
      partnerId: partnerIds[slug]!,
      host: "localhost",
      verification: "verified" as const,
      verifiedAt: now,
    })),
  ]);
  return id;
}
