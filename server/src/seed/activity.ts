// Demo activity around the partners: competencies, moderation log, an NFR site, leads, a pending
// application, the approval e-mail and a phone-day booking.
import { addDays, moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { agoFrom, type SeedContext } from "./context.ts";
import { partnerPlans } from "./plans.ts";

export async function seedActivity(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds, competency } = ctx;
  const ago = agoFrom(now);

  // Competencies: QM participants held (computed facts), one manual grant with a logged reason (R4.1).
  const grants = partnerPlans
    .filter((p) => p.target === "gold")
    .map((p) => ({
      partnerId: partnerIds[p.slug]!,
      competencyId: competency("qm-participant").id,
      held: true,
      since: ago(30),
      updatedAt: now,
    }));
  grants.push({
    partnerId: partnerIds.sever!,
    competencyId: competency("composite-site").id,
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
    editionCode: "small-business",
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
  // R1.2c: the approval e-mail, Russian first, English second (readable at /dev/outbox in development).
  await db.insert(s.emailOutbox).values({
    to: "partner@partner-trust.local",
    subject: "Заявка одобрена / Application approved",
    text: [
      "Здравствуйте! Ваша заявка на участие в партнёрской программе 1С-Битрикс одобрена.",
      "Текущий статус: Бизнес-партнёр. Договор о сотрудничестве заключён в электронном виде.",
      "",
      "Hello! Your application to the 1C-Bitrix partner program has been approved.",
      "Current status: Business partner. The cooperation contract has been concluded electronically.",
    ].join("\n"),
    nextAttemptAt: now,
    createdAt: now,
  });
  await db
    .insert(s.phoneDayBookings)
    .values({ partnerId: partnerIds.gamma!, day: addDays(moscowDay(now), 7) });
}
