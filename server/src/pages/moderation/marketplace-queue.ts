// R5.2: claims for modules published in Marketplace — the moderator opens the module's Marketplace page (the
// evidence) and credits the claim (points from the end-user price) or rejects it with a note. The rules set no
// deadline, so the queue shows each claim's age and flags nothing overdue. Decided through program/marketplace.
import { html } from "hono/html";
import { z } from "zod";
import {
  decidePublication,
  type PendingPublication,
  pendingPublications,
} from "../../program/marketplace/publication.ts";
import { field, select } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { queue } from "./types.ts";

const note = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().max(2000).optional(),
);

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
    {
      action: "decide",
      label: ["Решение", "Decide"],
      schema: z
        .object({ credit: z.enum(["yes", "no"], { error: "Выберите решение / Choose a decision" }), note })
        .refine((d) => d.credit === "yes" || d.note, {
          path: ["note"],
          message: "Укажите причину отказа / A refusal needs a note",
        }),
      fields: (_p, v, e) =>
        html`${select({
          name: "credit",
          label: ["Решение", "Decision"],
          value: v.credit ?? "",
          errors: e,
          options: [
            ["", "—", ""],
            ["yes", "Засчитать", "Credit"],
            ["no", "Отклонить", "Reject"],
          ],
        })}${field({ name: "note", label: ["Заметка (обязательна при отказе)", "Note (required to reject)"], value: v.note, errors: e, multiline: true })}`,
      run: ({ db, clock }, pr, p, d) =>
        decidePublication(
          db,
          {
            moduleId: p.id,
            moderatorId: pr.userId,
            credit: d.credit === "yes",
            note: d.note as string | undefined,
          },
          { clock },
        ),
    },
  ],
});
