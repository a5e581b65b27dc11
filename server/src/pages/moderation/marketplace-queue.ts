// R5.2: claims for modules published in Marketplace — the moderator opens the module's Marketplace page (the
// evidence) and credits the claim (points from the end-user price) or rejects it with a note. The rules set no
// deadline, so the queue shows each claim's age and flags nothing overdue. Decided through program/marketplace.
import { html } from "hono/html";
import {
  decidePublication,
  type PendingPublication,
  pendingPublications,
} from "../../program/marketplace/publication.ts";
import { bi, ruDate } from "../layout.ts";
import { creditDecision } from "./credit-decision.ts";
import { queue } from "./types.ts";

export const marketplacePublications = queue<PendingPublication>({
  slug: "marketplace",
  ru: "Публикации в Marketplace",
  en: "Marketplace publications",
  about: ["R5.2: баллы = цена модуля / 1000, без срока", "R5.2: points = the module's price / 1000, no term"],
  load: ({ db }) => pendingPublications(db),
  id: (p) => p.id,
  due: false,
  overdue: () => false,
  head: [
    ["Модуль", "Module"],
    ["Партнёр", "Partner"],
    ["Цена, ₽", "Price, RUB"],
    ["Баллы", "Points"],
    ["Подана", "Claimed"],
  ],
  row: (p) => [
    html`${p.code}`,
    html`${p.partnerName}`,
    html`${p.priceRub.toLocaleString("ru-RU")}`,
    html`${p.points}`,
    html`${ruDate(p.submittedAt)}`,
  ],
  details: (
    p,
  ) => html`<p><strong>${p.title}</strong> (${p.code}) · <a href="/cabinet/${p.partnerId}/marketplace">${p.partnerName}</a></p>
    <p><a href="${p.marketplaceUrl}" rel="noopener noreferrer">${p.marketplaceUrl}</a></p>
    <p>${bi("Цена для покупателя", "End-user price")}: ${p.priceRub.toLocaleString("ru-RU")} ₽ · ${bi("баллов при зачёте", "points if credited")}: <strong>${p.points}</strong>
      · ${bi("подана", "claimed")} ${ruDate(p.submittedAt)}</p>`,
  decisions: [
    creditDecision(["Решение", "Decide"], ({ db, clock }, pr, p, choice) =>
      decidePublication(db, { moduleId: p.id, moderatorId: pr.userId, ...choice }, { clock }),
    ),
  ],
});
