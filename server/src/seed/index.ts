// Demo seed: FACTS only (accounts, partners, employees, certificates, projects, accruals, QM, …) on an
// empty database. Statuses stay at the approval default; the rules engine computes them later.
import { count, eq } from "drizzle-orm";
import type { Auth } from "../auth/auth.ts";
import { addDays, type Clock, moscowDay } from "../clock.ts";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { type DemoAccount, demoAccounts } from "./accounts.ts";
import { competencyData, courseData, editionData, qmQuestionData, requirementData } from "./catalogue.ts";
import { partnerPlans } from "./plans.ts";

const DAY = 24 * 60 * 60 * 1000;
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

/** R5.2: points = round-half-up(price in RUB / 1000). */
const pointsFor = (priceRub: number) => Math.floor(priceRub / 1000 + 0.5);

export type SeedResult = { seeded: boolean; accounts: readonly DemoAccount[] };

export async function isEmpty(db: Db): Promise<boolean> {
  const [users] = await db.select({ n: count() }).from(s.user);
  const [partners] = await db.select({ n: count() }).from(s.partners);
  return users!.n === 0 && partners!.n === 0;
}

/** Seeds the demo data if (and only if) the database is empty. */
export async function seedDemo({
  db,
  auth,
  clock,
}: {
  db: Db;
  auth: Auth;
  clock: Clock;
}): Promise<SeedResult> {
  if (!(await isEmpty(db))) return { seeded: false, accounts: demoAccounts };
  const now = clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const dayAgo = (days: number) => moscowDay(ago(days));

  // Demo accounts through better-auth, so their passwords are hashed the way sign-in expects.
  const accountIds = {} as Record<DemoAccount["key"], string>;
  for (const a of demoAccounts) {
    const res = await auth.api.signUpEmail({ body: { email: a.email, password: a.password, name: a.name } });
    accountIds[a.key] = res.user.id;
    if (a.role !== "client") await db.update(s.user).set({ role: a.role }).where(eq(s.user.id, res.user.id));
  }

  const editions = await db
    .insert(s.editions)
    .values([...editionData])
    .returning();
  const edition = (code: string) => editions.find((e) => e.code === code)!;
  const courses = await db
    .insert(s.courses)
    .values([...courseData])
    .returning();
  const courseIds = courses.map((c) => c.id);
  await db.insert(s.certificationRequirements).values([...requirementData]);
  const competencies = await db
    .insert(s.competencies)
    .values([...competencyData])
    .returning();
  const competency = (code: string) => competencies.find((c) => c.code === code)!;
  const questions = await db
    .insert(s.qmQuestions)
    .values(qmQuestionData.map((q, i) => ({ ...q, position: i + 1 })))
    .returning();

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
    const isAlfa = plan.slug === "alfa";
    const host = `${plan.slug}-web.ru`;
    await db.insert(s.partners).values({
      id: partnerId,
      name: plan.name,
      legalKind: plan.legalKind,
      city: plan.city,
      approvedAt,
      status: "business",
      statusSince: approvedAt,
      contractAt: approvedAt,
      paperContractAt: plan.target === "business" ? null : new Date(approvedAt.getTime() + 20 * DAY),
      bitrix24Portal: isAlfa ? "alfa.bitrix24.ru" : null,
    });
    await db.insert(s.cardVersions).values({
      partnerId,
      version: 1,
      state: "approved",
      name: plan.name,
      description: `${plan.name}: разработка и поддержка сайтов на «1С-Битрикс».`,
      phone: `+7 (900) 000-0${pi}-0${pi}`,
      email: `info@${host}`,
      address: `${plan.city}, ул. Примерная, ${pi + 1}`,
      city: plan.city,
      website: `https://${host}`,
      publishOnSite: true,
      submittedAt: approvedAt,
      reviewedAt: approvedAt,
      reviewedBy: accountIds.moderator,
    });
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
    const certify = (userId: string, k: number, daysAgo: number) =>
      certificates.push({ userId, courseId: courseIds[k % 4]!, issuedAt: ago(daysAgo) });
    if (plan.target !== "business") certify(mainUserId, pi, 500);
    for (let k = 0; k < plan.certifiedEmployees; k++) {
      const u = newUser();
      users.push(u);
      link(u.id, k === 0 ? "full" : "certified");
      certify(u.id, pi + k, 100 + 50 * k);
    }
    if (isAlfa) {
      link(accountIds.employee, "limited", { leads: true });
      certificates.push({
        userId: mainUserId,
        courseId: courseIds[5]!,
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
      certify(gone.id, 2, 300);
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
      const points = pointsFor(e.priceRub);
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
        for (const q of questions) {
          ratings.push({
            submissionId,
            questionId: q.id,
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
        points: pointsFor(e.priceRub),
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

  // Competencies: QM participants held (computed facts), one manual grant with a logged reason (R4.1).
  const grants = partnerPlans
    .filter((p) => p.target === "gold")
    .map((p) => ({
      partnerId: partnerIds[p.slug]!,
      competencyId: competency("qm_participant").id,
      held: true,
      since: ago(30),
      updatedAt: now,
    }));
  grants.push({
    partnerId: partnerIds.sever!,
    competencyId: competency("composite").id,
    held: true,
    since: ago(90),
    updatedAt: now,
  });
  await db.insert(s.partnerCompetencies).values([
    ...grants,
    {
      partnerId: partnerIds.beta!,
      competencyId: competency("medicine").id,
      held: false,
      override: "grant",
      overrideReason: "Подтверждены три проекта для клиник",
      overrideBy: accountIds.moderator,
      since: ago(40),
      updatedAt: ago(40),
    },
  ]);
  await db.insert(s.moderationLog).values([
    {
      actorUserId: accountIds.moderator,
      at: ago(40),
      action: "competency.grant",
      targetType: "partner",
      targetId: partnerIds.beta!,
      reason: "Подтверждены три проекта для клиник",
    },
    {
      actorUserId: accountIds.moderator,
      at: ago(5),
      action: "card.approve",
      targetType: "partner",
      targetId: partnerIds.alfa!,
      reason: null,
    },
  ]);

  // R6.2: an NFR license on request for Альфа's own site.
  await db.insert(s.nfrLicenses).values({
    partnerId: partnerIds.alfa!,
    licenseKey: "NFR-REQ-ALFA-0001",
    kind: "request",
    editionCode: "small_business",
    siteHost: "alfa-web.ru",
    state: "active",
    issuedAt: ago(200),
    expiresAt: ago(200 - 365),
  });

  // R7.1: a few leads from the demo client; one has Альфа's proposal.
  const leadRows = await db
    .insert(s.leads)
    .values(
      [
        ["Интернет-магазин одежды", 300_000, "Москва", 3],
        ["Корпоративный сайт завода", 800_000, "Екатеринбург", 2],
        ["Портал Битрикс24 для отдела продаж", 150_000, "Казань", 5],
        ["Лендинг для клиники", 60_000, "Санкт-Петербург", 3],
      ].map(([description, budgetRub, city, maxProposals], i) => ({
        clientUserId: accountIds.client,
        description: String(description),
        budgetRub: Number(budgetRub),
        contactName: "Кирилл Клиентов",
        contactEmail: "client@partner-trust.local",
        city: String(city),
        maxProposals: Number(maxProposals),
        state: "published" as const,
        publishedAt: ago(10 - i),
        proposalCount: i === 0 ? 1 : 0,
      })),
    )
    .returning();
  await db.insert(s.proposals).values({
    leadId: leadRows[0]!.id,
    partnerId: partnerIds.alfa!,
    senderUserId: accountIds.employee,
    text: "Сделаем магазин на «1С-Битрикс: Управление сайтом — Малый бизнес» за 6 недель.",
    sentAt: ago(8),
  });

  // R1.2b: one application waiting for review (older than 3 working days: overdue).
  await db.insert(s.applications).values({
    userId: accountIds.client,
    companyName: "ООО Новый Партнёр",
    legalKind: "legal_entity",
    city: "Новосибирск",
    contactName: "Кирилл Клиентов",
    contactPhone: "+7 (900) 555-44-33",
    contactEmail: "client@partner-trust.local",
    activity: "Продажа программного обеспечения",
    personalDataConsent: true,
    submittedAt: ago(6),
  });
  await db
    .insert(s.phoneDayBookings)
    .values({ partnerId: partnerIds.gamma!, day: addDays(moscowDay(now), 7) });
  return { seeded: true, accounts: demoAccounts };
}
