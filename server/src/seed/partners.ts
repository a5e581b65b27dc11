// Demo partners (plans.ts): card, domain, application, employees with certificates, credited projects,
// QM completions, purchases and the point accruals they earned.
import { pointsForPrice } from "@partner-trust/rules";
import { moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { demoLogo } from "./cards.ts";
import { agoFrom, DAY, dayAgoFrom, type SeedContext } from "./context.ts";
import { partnerPlans } from "./plans.ts";

const firstNames = ["Иван", "Ольга", "Сергей", "Мария", "Дмитрий", "Наталья", "Алексей", "Татьяна"];
const lastNames = [
  "Смирнов",
  "Кузнецова",
  "Попов",
  "Васильева",
  "Соколов",
  "Морозова",
  "Лебедев",
  "Новикова",
];

/** Inserts every planned partner; returns partner ids by slug. */
export async function seedPartners(ctx: SeedContext): Promise<Record<string, string>> {
  const { db, now, accountIds, edition, course } = ctx;
  const ago = agoFrom(now);
  const dayAgo = dayAgoFrom(now);
  let personNo = 0;
  const newUser = () => {
    const n = personNo++;
    return {
      id: crypto.randomUUID(),
      name: `${firstNames[n % firstNames.length]} ${lastNames[(n * 3) % lastNames.length]}`,
      email: `employee${n + 1}@example.ru`,
      emailVerified: true,
      role: "client",
      createdAt: now,
      updatedAt: now,
    };
  };

  const users: (typeof s.user.$inferInsert)[] = [];
  const links: (typeof s.employeeLinks.$inferInsert)[] = [];
  const certificates: (typeof s.certificates.$inferInsert)[] = [];
  const accruals: (typeof s.pointAccruals.$inferInsert)[] = [];
  const projects: (typeof s.projects.$inferInsert)[] = [];
  const qm: (typeof s.qmSubmissions.$inferInsert)[] = [];
  const ratings: (typeof s.qmCallRatings.$inferInsert)[] = [];
  const partnerIds: Record<string, string> = {};

  for (const [pi, plan] of partnerPlans.entries()) {
    const partnerId = crypto.randomUUID();
    partnerIds[plan.slug] = partnerId;
    const approvedAt = ago(plan.approvedDaysAgo);
    const approvedOn = moscowDay(approvedAt);
    const isAlfa = plan.slug === "alfa";
    const host = `${plan.slug}-web.ru`;
    await db.insert(s.partners).values({
      id: partnerId,
      name: plan.name,
      legalKind: plan.legalKind,
      city: plan.city,
      approvedAt,
      // R2.1, R1.2c: Business from approval; replayStatus brings it to today.
      status: "business",
      statusSince: approvedOn,
      contractAt: approvedAt,
      paperContractAt: plan.target === "business" ? null : new Date(approvedAt.getTime() + 20 * DAY),
      bitrix24Portal: isAlfa ? "alfa.bitrix24.ru" : null,
    });
    const logo = demoLogo(partnerId, pi, approvedAt, accountIds.moderator);
    await db.insert(s.cardLogos).values(logo);
    await db.insert(s.cardVersions).values({
      partnerId,
      version: 1,
      logoId: logo.id,
      state: "approved",
      name: plan.name,
      description: `${plan.name}: разработка и поддержка сайтов на «1С-Битрикс».`,
      // R1.4a: E.164 phones, e-mails, addresses, an uploaded logo.
      phones: [`+79000000${pi}0${pi}`],
      emails: [`info@${host}`],
      addresses: [`${plan.city}, ул. Примерная, ${pi + 1}`],
      bitrix24Portal: isAlfa ? "alfa.bitrix24.ru" : null,
      city: plan.city,
      website: `https://${host}`,
      publishOnSite: true,
      submittedAt: approvedAt,
      reviewedAt: approvedAt,
      reviewedBy: accountIds.moderator,
    });
    await db.insert(s.statusTerms).values({ partnerId, status: "business", startsOn: approvedOn });
    await db
      .insert(s.registeredDomains)
      .values({ partnerId, host, verification: "verified", verifiedAt: approvedAt });

    // Main user: the demo partner account for Альфа, a generated user elsewhere.
    let mainUserId = accountIds.partner;
    if (!isAlfa) {
      const u = newUser();
      users.push(u);
      mainUserId = u.id;
    }
    await db.insert(s.applications).values({
      userId: mainUserId,
      companyName: plan.name,
      legalKind: plan.legalKind,
      city: plan.city,
      contactName: plan.name,
      contactPhone: `+7 (900) 000-0${pi}-0${pi}`,
      contactEmail: `info@${host}`,
      website: `https://${host}`,
      activity: "Разработка сайтов",
      personalDataConsent: true,
      state: "approved",
      partnerId,
      submittedAt: new Date(approvedAt.getTime() - 2 * DAY),
      decidedAt: approvedAt,
    });
    const link = (
      userId: string,
      level: s.EmployeeLevel,
      extra: Partial<typeof s.employeeLinks.$inferInsert> = {},
    ) =>
      links.push({
        partnerId,
        userId,
        level,
        invitation: "accepted",
        invitedAt: approvedAt,
        respondedAt: approvedAt,
        ...extra,
      });
    link(mainUserId, "main", { marketplace: true, leads: true });
    const certify = (userId: string, codes: readonly string[], daysAgo: number) => {
      for (const code of codes)
        certificates.push({ userId, courseId: course(code).id, issuedAt: ago(daysAgo) });
    };
    certify(mainUserId, plan.mainCertificates, 500);
    for (const [k, codes] of plan.employees.entries()) {
      const u = newUser();
      users.push(u);
      link(u.id, k === 0 ? "full" : "certified");
      certify(u.id, codes, 100 + 50 * k);
    }
    if (isAlfa) {
      link(accountIds.employee, "limited", { leads: true });
      // R4C.3: a developer exam certificate with a level counts as a certificate of its course.
      certificates.push({
        userId: mainUserId,
        courseId: course("developer").id,
        examLevel: "middle",
        issuedAt: ago(200),
      });
      const invited = newUser();
      users.push(invited);
      link(invited.id, "limited", { invitation: "pending", respondedAt: null, invitedAt: ago(2) });
    }
    if (plan.slug === "beta") {
      // A detached employee: the certificate no longer counts for the partner (R4C.1).
      const gone = newUser();
      users.push(gone);
      link(gone.id, "certified", { invitation: "detached", detachedAt: ago(60) });
      certify(gone.id, ["developer"], 300);
    }

    // Credited projects: points on crediting, and again after QM (R5.5c).
    for (const [k, p] of plan.projects.entries()) {
      const projectId = crypto.randomUUID();
      const e = edition(p.edition);
      projects.push({
        id: projectId,
        partnerId,
        host: `${plan.slug}-client-${k + 1}.ru`,
        title: `Сайт клиента №${k + 1} (${plan.name})`,
        editionId: e.id,
        licenseKey: `NFR-${plan.slug.toUpperCase()}-${String(k + 1).padStart(4, "0")}`,
        state: "credited",
        composite: p.composite ?? false,
        submittedAt: ago(p.daysAgo + 3),
        creditedAt: ago(p.daysAgo),
      });
      const points = pointsForPrice(e.priceRub);
      accruals.push({
        partnerId,
        day: dayAgo(p.daysAgo),
        points,
        sourceType: "project",
        sourceId: projectId,
      });
      if (p.qmDaysAgo !== undefined) {
        const submissionId = crypto.randomUUID();
        qm.push({
          id: submissionId,
          partnerId,
          projectId,
          testResults: [
            { test: "security", passed: true },
            { test: "performance", passed: true },
          ],
          clientContactName: "Представитель клиента",
          clientContactPhone: "+7 (900) 111-22-33",
          state: "completed",
          submittedAt: ago(p.qmDaysAgo + 7),
          completedAt: ago(p.qmDaysAgo),
        });
        for (const questionId of ctx.questionIds) {
          ratings.push({
            submissionId,
            questionId,
            rating: 5,
            ratedBy: accountIds.moderator,
            ratedAt: ago(p.qmDaysAgo),
          });
        }
        accruals.push({
          partnerId,
          day: dayAgo(p.qmDaysAgo),
          points,
          sourceType: "qm",
          sourceId: submissionId,
        });
      }
    }
    for (const [k, p] of plan.purchases.entries()) {
      const e = edition(p.edition);
      const [purchase] = await db
        .insert(s.purchases)
        .values({
          partnerId,
          idempotencyKey: `seed-${plan.slug}-${k}`,
          kind: "renewal",
          editionId: e.id,
          priceRub: e.priceRub,
          purchasedAt: ago(p.daysAgo),
        })
        .returning();
      accruals.push({
        partnerId,
        day: dayAgo(p.daysAgo),
        points: pointsForPrice(e.priceRub),
        sourceType: "purchase",
        sourceId: purchase!.id,
      });
    }
  }

  await db.insert(s.user).values(users);
  await db.insert(s.employeeLinks).values(links);
  await db.insert(s.certificates).values(certificates);
  await db.insert(s.projects).values(projects);
  await db.insert(s.qmSubmissions).values(qm);
  await db.insert(s.qmCallRatings).values(ratings);
  await db.insert(s.pointAccruals).values(accruals);

  return partnerIds;
}
