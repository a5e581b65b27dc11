// Demo employees and Marketplace (R4E.1, R4E.6): the demo client holds a pending invitation to Бета Студио
// (GET /api/v1/me/invitations after signing in), a user who declined Альфа's invitation, and Альфа's
// Marketplace modules with their updates (R5.2: the first one's publication claim awaits a moderator, so the
// console's Marketplace queue is not empty). Each link's history is in employee_link_events.
import * as s from "../db/schema/index.ts";
import { agoFrom, type SeedContext } from "./context.ts";

export async function seedEmployeeDemo(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds } = ctx;
  const ago = agoFrom(now);
  const alfa = partnerIds.alfa!;
  const beta = partnerIds.beta!;
  const decliner = {
    id: crypto.randomUUID(),
    name: "Григорий Отказов",
    email: "declined-invite@example.ru",
    emailVerified: true,
    role: "client",
    createdAt: ago(20),
    updatedAt: ago(20),
  };
  await db.insert(s.user).values(decliner);
  const pending = {
    id: crypto.randomUUID(),
    partnerId: beta,
    userId: accountIds.client,
    level: "limited" as const,
    leads: true,
    invitation: "pending" as const,
    invitedAt: ago(1),
  };
  const declined = {
    id: crypto.randomUUID(),
    partnerId: alfa,
    userId: decliner.id,
    level: "certified" as const,
    invitation: "declined" as const,
    invitedBy: accountIds.partner,
    invitedAt: ago(10),
    respondedAt: ago(9),
  };
  await db.insert(s.employeeLinks).values([pending, declined]);
  const event = (
    link: typeof pending | typeof declined,
    actor: string,
    at: Date,
    action: "invited" | "declined",
  ) => ({
    linkId: link.id,
    partnerId: link.partnerId,
    actorUserId: actor,
    at,
    action,
    level: link.level,
    marketplace: false,
    leads: "leads" in link ? link.leads : false,
  });
  await db
    .insert(s.employeeLinkEvents)
    .values([
      event(pending, accountIds.partner, pending.invitedAt, "invited"),
      event(declined, accountIds.partner, declined.invitedAt, "invited"),
      event(declined, decliner.id, declined.respondedAt, "declined"),
    ]);

  const modules = [
    {
      id: crypto.randomUUID(),
      partnerId: alfa,
      code: "alfa.delivery",
      title: "Калькулятор доставки",
      description: "Расчёт стоимости доставки СДЭК и Почтой России в корзине интернет-магазина.",
      createdBy: accountIds.partner,
      createdAt: ago(200),
      publication: "pending" as const,
      marketplaceUrl: "https://marketplace.1c-bitrix.ru/solutions/alfa.delivery/",
      priceRub: 11_900,
      publicationSubmittedAt: ago(3),
      publicationSubmittedBy: accountIds.partner,
    },
    {
      id: crypto.randomUUID(),
      partnerId: alfa,
      code: "alfa.reviews",
      title: "Отзывы о товарах",
      description: "Отзывы покупателей с модерацией и микроразметкой Schema.org.",
      createdBy: accountIds.partner,
      createdAt: ago(90),
    },
  ];
  await db.insert(s.marketplaceModules).values(modules);
  await db.insert(s.marketplaceModuleUpdates).values([
    {
      moduleId: modules[0]!.id,
      version: "1.0.0",
      notes: "Первая версия.",
      createdBy: accountIds.partner,
      createdAt: ago(200),
    },
    {
      moduleId: modules[0]!.id,
      version: "1.1.0",
      notes: "Пункты выдачи на карте.",
      createdBy: accountIds.partner,
      createdAt: ago(60),
    },
    {
      moduleId: modules[1]!.id,
      version: "1.0.0",
      notes: "Первая версия.",
      createdBy: accountIds.partner,
      createdAt: ago(90),
    },
  ]);
}
