// Demo projects in every workflow state (R5.4a): drafts in the moderation queue (one overdue, one flagged as a
// probable mirror, R5.4k), one accepted for review with the moderator's note, one rejected, one credited without
// publication (R5.4b) — and the credited projects of the partners' plans get their fixed points and URL.
import { pointsForPrice } from "@partner-trust/rules";
import { sql } from "drizzle-orm";
import * as s from "../db/schema/index.ts";
import { PROJECTS_ACTOR } from "../program/projects/add.ts";
import { agoFrom, dayAgoFrom, type SeedContext } from "./context.ts";

const client = (name: string, inn: string) => ({
  clientName: name,
  clientEmail: "it@client.example",
  clientPhone: "+7 495 123-45-67",
  licenseOwnerName: name,
  licenseOwnerInn: inn,
});

export async function seedProjectDemo(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds, edition } = ctx;
  const ago = agoFrom(now);
  const dayAgo = dayAgoFrom(now);
  const moderator = accountIds.moderator;

  // The plans' credited projects: the points they were credited with (R5.2), fixed (R5.4h).
  for (const e of await db.select().from(s.editions)) {
    await db
      .update(s.projects)
      .set({ points: pointsForPrice(e.priceRub), url: sql`'https://' || ${s.projects.host} || '/'` })
      .where(
        sql`${s.projects.editionId} = ${e.id} AND ${s.projects.state} = 'credited' AND ${s.projects.points} IS NULL`,
      );
  }
  const ids = {
    draft: crypto.randomUUID(),
    overdue: crypto.randomUUID(),
    mirror: crypto.randomUUID(),
    review: crypto.randomUUID(),
    rejected: crypto.randomUUID(),
    hidden: crypto.randomUUID(),
  };
  const base = (partner: string, host: string, code: string, key: string, daysAgo: number) => ({
    partnerId: partnerIds[partner]!,
    host,
    url: `https://${host}/`,
    editionId: edition(code).id,
    licenseKey: key,
    submittedAt: ago(daysAgo),
    createdAt: ago(daysAgo),
  });
  await db.insert(s.projects).values([
    {
      ...base("alfa", "sadovod-shop.ru", "small-business", "SM-DEMO-SADOVOD-0001", 1),
      id: ids.draft,
      title: "Интернет-магазин «Садовод»",
      ...client("ООО «Садовод»", "7728168971"),
      state: "draft",
    },
    {
      ...base("beta", "klinika-zdorovie.ru", "business", "SM-DEMO-KLINIKA-0001", 9),
      id: ids.overdue,
      title: "Сайт клиники «Здоровье»",
      ...client("ООО «Клиника Здоровье»", "7701234567"),
      state: "draft",
    },
    {
      ...base("gamma", "sadovod-shop-msk.ru", "start", "SM-DEMO-SADMSK-0001", 2),
      id: ids.mirror,
      title: "Садовод — Москва",
      ...client("ИП Петров П. П.", "500100732259"),
      state: "draft",
      // R5.4k: the same content as the first draft (A6 flagged it for the moderator).
      mirrorOfId: ids.draft,
      mirrorSimilarity: 94,
    },
    {
      ...base("volga", "kazan-tour.ru", "standard", "SM-DEMO-KZNTUR-0001", 12),
      id: ids.review,
      title: "Турагентство «Казань-Тур»",
      ...client("ООО «Казань-Тур»", "1655000000"),
      state: "accepted_for_review",
      moderatorNote:
        "Нет акта приёмки сайта клиентом и раздел «Туры» пуст (R5.4e): приложите акт и наполните раздел. / No client acceptance and the Tours section is empty (R5.4e).",
      decidedBy: moderator,
      decidedAt: ago(10),
    },
    {
      ...base("delta", "template-demo-site.ru", "start", "SM-DEMO-TMPL-0001", 20),
      id: ids.rejected,
      title: "Корпоративный сайт",
      ...client("ООО «Пример»", "7702345678"),
      state: "rejected",
      moderatorNote:
        "Демо-содержимое стандартного шаблона, реального контента нет (R5.4e). / The standard template's demo content, no real content (R5.4e).",
      decidedBy: moderator,
      decidedAt: ago(18),
    },
    {
      ...base("alfa", "zakrytyj-portal.ru", "start", "SM-DEMO-CLOSED-0001", 8),
      id: ids.hidden,
      title: "Закрытый портал дилеров",
      ...client("АО «Дилер»", "7703456789"),
      // R5.4b, R5.4g: no client consent to publication — credited, not public.
      publishOnSite: false,
      state: "credited",
      moderatorNote:
        "Засчитан без публикации: клиент не дал согласия. / Credited without publication: no client consent.",
      points: pointsForPrice(edition("start").priceRub),
      decidedBy: moderator,
      decidedAt: ago(5),
      creditedAt: ago(5),
    },
  ]);
  await db.insert(s.pointAccruals).values({
    partnerId: partnerIds.alfa!,
    day: dayAgo(5),
    points: pointsForPrice(edition("start").priceRub),
    sourceType: "project",
    sourceId: ids.hidden,
    createdAt: ago(5),
  });
  const log = (id: string, action: string, days: number, reason: string, actor = moderator) => ({
    actorUserId: actor,
    at: ago(days),
    action,
    targetType: "project",
    targetId: id,
    reason,
  });
  await db
    .insert(s.moderationLog)
    .values([
      log(
        ids.mirror,
        "project.mirror_flag",
        2,
        "A6: sadovod-shop-msk.ru ≈ sadovod-shop.ru (94%)",
        PROJECTS_ACTOR,
      ),
      log(ids.review, "project.accept_for_review", 10, "Нет акта приёмки сайта клиентом (R5.4e)"),
      log(ids.rejected, "project.reject", 18, "Демо-содержимое стандартного шаблона (R5.4e)"),
      log(ids.hidden, "project.credit", 5, "Засчитан без публикации"),
    ]);
}
