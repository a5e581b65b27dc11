// R5.2: the console's queue of published mobile apps — pending claims, oldest first, with the points each would
// give. The rules set no deadline: the queue shows each claim's age and flags nothing overdue. The decision calls
// the same program/ function as POST /api/v1/moderation/mobile-apps/{appId}/decide.
import { html } from "hono/html";
import { decideApp, moderationQueue } from "../../program/mobile-apps/decide.ts";
import { bi, ruDate } from "../layout.ts";
import { creditDecision } from "./credit-decision.ts";
import { queue } from "./types.ts";

type MobileApp = Awaited<ReturnType<typeof moderationQueue>>[number];

export const mobileApps = queue<MobileApp>({
  slug: "mobile-apps",
  ru: "Мобильные приложения",
  en: "Mobile apps",
  about: [
    "R5.2: баллы за опубликованное внедрённое приложение; срока нет — показан возраст заявки",
    "R5.2: points for a published implemented app; no term — the claim's age is shown",
  ],
  load: ({ db, clock }) => moderationQueue(db, { clock }),
  id: (a) => a.id,
  due: false,
  overdue: () => false,
  head: [
    ["Приложение", "App"],
    ["Партнёр", "Partner"],
    ["Баллы", "Points"],
    ["Подано", "Submitted"],
  ],
  row: (a) => [
    html`${a.title}`,
    html`${a.partnerName}`,
    html`${a.expectedPoints}`,
    html`${ruDate(a.submittedAt)} <span class="muted">(${bi(`${a.ageDays} дн.`, `${a.ageDays} d`)})</span>`,
  ],
  details: (a) => html`<dl>
    <dt>${bi("Приложение", "App")}</dt><dd>${a.title} — <a href="${a.storeUrl}" rel="noopener noreferrer">${a.storeUrl}</a></dd>
    <dt>${bi("Партнёр", "Partner")}</dt><dd><a href="/cabinet/${a.partnerId}">${a.partnerName}</a></dd>
    <dt>${bi("Клиент", "Client")}</dt><dd>${a.clientName}</dd>
    <dt>${bi("Редакция", "Edition")}</dt><dd>${a.editionTitle}</dd>
    <dt>${bi("Баллы при зачёте", "Points if credited")}</dt><dd>${a.expectedPoints}</dd></dl>`,
  decisions: [
    creditDecision(["Решение по приложению", "Decide the app"], ({ db, clock }, pr, a, decision) =>
      decideApp(db, { appId: a.id, moderatorId: pr.userId, decision }, { clock }),
    ),
  ],
});
