// Demo data for quality monitoring (R5.5) and NFR requests (R6): Альфа's completed QM with the client's ratings
// and one waiting for the call; Альфа's pending key-edition downgrade (R6.1b) and Бета's pending NFR on request
// (R6.2). Runs after the status replay: the downgrade names one of Альфа's status keys.
import { pointsForPrice } from "@partner-trust/rules";
import { and, asc, desc, eq, notInArray } from "drizzle-orm";
import * as s from "../db/schema/index.ts";
import { bitrix24License } from "../program/nfr/bitrix24.ts";
import { seedQmTests } from "../program/quality/catalogue.ts";
import { agoFrom, dayAgoFrom, type SeedContext } from "./context.ts";

export async function seedQualityNfr(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds, questionIds } = ctx;
  const ago = agoFrom(now);
  const dayAgo = dayAgoFrom(now);
  await seedQmTests(db);
  const tests = await db.select().from(s.qmTests).orderBy(asc(s.qmTests.position));
  const alfa = partnerIds.alfa!;
  const withQm = db.select({ id: s.qmSubmissions.projectId }).from(s.qmSubmissions);
  const open = await db
    .select({ id: s.projects.id, host: s.projects.host, price: s.editions.priceRub })
    .from(s.projects)
    .innerJoin(s.editions, eq(s.editions.id, s.projects.editionId))
    .where(
      and(
        eq(s.projects.partnerId, alfa),
        eq(s.projects.state, "credited"),
        notInArray(s.projects.id, withQm),
      ),
    )
    .orderBy(desc(s.projects.submittedAt))
    .limit(2);
  const [done, waiting] = open;
  const results = (override?: string) =>
    tests.map((t, i) => ({
      code: t.code,
      passed: true,
      overridden: i === tests.length - 1 && override !== undefined,
      explanation: i === tests.length - 1 ? (override ?? null) : null,
    }));
  if (done) {
    const id = crypto.randomUUID();
    const points = pointsForPrice(done.price);
    await db.insert(s.qmSubmissions).values({
      id,
      partnerId: alfa,
      projectId: done.id,
      testResults: results("SEO ведёт агентство клиента, настройки согласованы с ним"),
      clientContactName: "Марина Заказчикова",
      clientContactPhone: "+7 (495) 555-01-02",
      clientContactEmail: "marina@client-alfa.ru",
      state: "completed",
      submittedBy: accountIds.partner,
      submittedAt: ago(12),
      calledBy: accountIds.moderator,
      points,
      completedAt: ago(9),
    });
    await db.insert(s.qmCallRatings).values(
      questionIds.map((questionId, i) => ({
        submissionId: id,
        questionId,
        rating: i === 1 ? 4 : 5,
        comment: i === 1 ? "Запуск сдвинулся на неделю, предупредили заранее" : null,
        ratedBy: accountIds.moderator,
        ratedAt: ago(9),
      })),
    );
    await db
      .insert(s.pointAccruals)
      .values({ partnerId: alfa, day: dayAgo(9), points, sourceType: "qm", sourceId: id });
    await db.insert(s.moderationLog).values({
      actorUserId: accountIds.moderator,
      at: ago(9),
      action: "qm.complete",
      targetType: "qm_submission",
      targetId: id,
      reason: `${done.host}: ${points} points (R5.5b)`,
    });
  }
  if (waiting) {
    await db.insert(s.qmSubmissions).values({
      partnerId: alfa,
      projectId: waiting.id,
      testResults: results(),
      clientContactName: "Олег Клиентов",
      clientContactPhone: "+7 (912) 300-40-50",
      state: "submitted",
      submittedBy: accountIds.partner,
      submittedAt: ago(2),
    });
  }
  // R6.3a: Альфа's card names its portal alfa.bitrix24.ru: switched to NFR when the card was approved.
  await db.insert(s.nfrLicenses).values(bitrix24License(alfa, "alfa.bitrix24.ru", ago(30)));
  // R6.1b: Альфа asks to turn one of its status keys into a "Стандарт" key.
  const [key] = await db
    .select()
    .from(s.nfrLicenses)
    .where(
      and(
        eq(s.nfrLicenses.partnerId, alfa),
        eq(s.nfrLicenses.kind, "status"),
        eq(s.nfrLicenses.state, "active"),
      ),
    )
    .limit(1);
  if (key) {
    await db.insert(s.nfrRequests).values({
      partnerId: alfa,
      kind: "downgrade",
      editionCode: "standard",
      licenseId: key.id,
      fromEditionCode: key.editionCode,
      requestedBy: accountIds.partner,
      requestedAt: ago(1),
    });
  }
  // R6.2a–c: Бета asks for NFR on its own site; the conditions held when it asked.
  const beta = partnerIds.beta;
  const [betaMain] = beta
    ? await db
        .select({ userId: s.employeeLinks.userId })
        .from(s.employeeLinks)
        .where(and(eq(s.employeeLinks.partnerId, beta), eq(s.employeeLinks.level, "main")))
    : [];
  if (beta && betaMain) {
    await db.insert(s.nfrRequests).values({
      partnerId: beta,
      kind: "own_site",
      editionCode: "standard",
      siteUrl: "https://beta-web.ru/",
      siteHost: "beta-web.ru",
      eligibility: { eligible: true, unmet: [] },
      requestedBy: betaMain.userId,
      requestedAt: ago(3),
    });
  }
}
