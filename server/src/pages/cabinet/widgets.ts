// W1–W4 in the cabinet: the embed code (the same snippet as GET /api/v1/partners/{id}/embed) with a copy
// button, a live preview with the real bundle, and the hosts where the badge was seen unregistered (R2.8).
import { and, desc, eq, max, sum } from "drizzle-orm";
import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { Db } from "../../db/client.ts";
import { badgePlacements } from "../../db/schema/index.ts";
import type { BadgeService } from "../../program/badges/service.ts";
import { type Bundle, embedSnippet } from "../../routes/widgets/bundle.ts";
import type { AppEnv } from "../../types.ts";
import { bi, enhance, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; publicUrl: string; bundle: () => Bundle; badges: BadgeService };

export async function widgetsPage(c: Context<AppEnv>, { db, publicUrl, bundle, badges }: Deps) {
  const partnerId = c.req.param("partnerId")!;
  await badges.placements.flush(); // what the last seconds counted is listed too
  const [partner, unregistered] = await Promise.all([
    loadPartner(db, partnerId),
    db
      .select({
        host: badgePlacements.host,
        requests: sum(badgePlacements.requests).mapWith(Number),
        lastDay: max(badgePlacements.day),
      })
      .from(badgePlacements)
      .where(and(eq(badgePlacements.partnerId, partnerId), eq(badgePlacements.verified, "unverified")))
      .groupBy(badgePlacements.host)
      .orderBy(desc(max(badgePlacements.day)))
      .limit(100),
  ]);
  let snippet: ReturnType<typeof embedSnippet> | null = null;
  try {
    snippet = embedSnippet(publicUrl, bundle().integrity, partner.id);
  } catch {
    snippet = null; // the bundle is not built (pnpm start builds it)
  }
  // The preview on this very page is a placement on the server's own host: not a partner's site, not listed.
  const ownHost = new URL(publicUrl).hostname;
  const foreign = unregistered.filter((p) => p.host !== ownHost);
  const body = html`
    <p>${bi(
      "Вставьте этот код на страницы своего сайта. Значок показывает живой статус, подписанный сервером, и подтверждается только на ваших зарегистрированных доменах.",
      "Put this code on your site's pages. The badge shows the live status signed by the server, and is confirmed only on your registered domains.",
    )}</p>
    ${
      snippet
        ? html`<div class="field"><label for="embed-code">${bi("Код для вставки", "Embed code")}</label>
            <textarea id="embed-code" readonly rows="6">${snippet.html}</textarea></div>
          <p class="copy-row"><button type="button" data-copy="embed-code" hidden>${bi("Скопировать код", "Copy the code")}</button>
            <span id="embed-code-status" role="status" aria-live="polite"></span></p>
          <section aria-labelledby="preview-h"><h2 id="preview-h">${bi("Предпросмотр", "Preview")}</h2>
            <p class="muted">${bi(
              `На этом сайте (${ownHost}) значок может показать «размещение не подтверждено», если домен не зарегистрирован за вами.`,
              `On this site (${ownHost}) the badge may say “unverified placement” unless the domain is registered to you.`,
            )}</p>
            <div class="preview">${snippet.tags.map((t) => raw(t))}</div>
          </section>`
        : html`<p class="warn">${bi("Сборка виджетов не найдена: запустите pnpm start.", "The widget bundle is not built: run pnpm start.")}</p>`
    }
    <section aria-labelledby="placements-h"><h2 id="placements-h">${bi("Значок на незарегистрированных доменах", "Badge on unregistered domains")}</h2>
      ${
        foreign.length
          ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Домен", "Host")}</th>
              <th scope="col" class="num">${bi("Запросов", "Requests")}</th><th scope="col">${bi("Последний раз", "Last seen")}</th></tr></thead>
              <tbody>${foreign.map((p) => html`<tr><td>${p.host}</td><td class="num">${p.requests}</td><td>${ruDate(p.lastDay)}</td></tr>`)}</tbody></table></div>
            <p class="muted">${bi("Если это ваш сайт — зарегистрируйте домен; если нет — значок там не подлинный.", "If the site is yours, register the domain; if not, the badge there is not genuine.")}</p>`
          : html`<p>${bi("Не замечен.", "Not seen anywhere.")}</p>`
      }
    </section>`;
  const head = snippet ? html`${enhance()}${raw(snippet.script)}` : "";
  return cabinetPage(c, partner, "widgets", ["Виджеты для сайта", "Widgets for your site"], body, head);
}
