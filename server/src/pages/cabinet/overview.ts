// R2.6: the cabinet's first page — status with its dates, active points and their chart, certified employees,
// benefits, and the forecast (R5.6, R3.2b): what expires when, what keeps or reaches a status.
import type { Target } from "@partner-trust/rules";
import { desc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { type changeReasons, courses, pointAccruals, statusChanges } from "../../db/schema/index.ts";
import { statusTitle } from "../../program/badges/credential.ts";
import { notifications, pendingChanges } from "../../program/cabinet/inbox.ts";
import { standingOf } from "../../program/cabinet/standing.ts";
import type { AppEnv } from "../../types.ts";
import { bi, ruDate } from "../layout.ts";
import { pointsChart } from "./chart.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

const reasonWords: Record<(typeof changeReasons)[number], [string, string]> = {
  upgrade: ["повышение", "upgrade"],
  renewed: ["продление", "renewed"],
  dropped: ["понижение", "dropped"],
  terminated: ["прекращение партнёрства", "terminated"],
};

export async function overviewPage(c: Context<AppEnv>, { db, clock }: { db: Db; clock: Clock }) {
  const partnerId = c.req.param("partnerId")!;
  const on = moscowDay(clock.now());
  const [partner, standing, accruals, pending, mails, changes, courseRows] = await Promise.all([
    loadPartner(db, partnerId),
    standingOf(db, partnerId, on),
    db
      .select({ on: pointAccruals.day, points: pointAccruals.points })
      .from(pointAccruals)
      .where(eq(pointAccruals.partnerId, partnerId)),
    pendingChanges(db, partnerId),
    notifications(db, partnerId, 5),
    db
      .select()
      .from(statusChanges)
      .where(eq(statusChanges.partnerId, partnerId))
      .orderBy(desc(statusChanges.on), desc(statusChanges.changedAt))
      .limit(10),
    db.select({ code: courses.code, title: courses.title }).from(courses),
  ]);
  const st = standing!; // loadPartner has found the partner
  const { forecast } = st;
  const title = statusTitle(st.status);
  const courseTitle = (code: string) => courseRows.find((r) => r.code === code)?.title ?? code;
  const target = (t: Target, kind: "keep" | "next") => {
    const name = statusTitle(t.status);
    const head =
      kind === "keep"
        ? bi(`Сохранить статус «${name.ru}» ${ruDate(t.by)}`, `Keep “${name.en}” on ${ruDate(t.by)}`)
        : bi(`Получить статус «${name.ru}»`, `Reach “${name.en}”`);
    const done = t.points === 0 && !t.missingCertificates.length && !t.qmNeeded;
    return html`<h3>${head}</h3>${
      done
        ? html`<p class="ok">${bi("Все условия выполнены.", "Every condition is met.")}</p>`
        : html`<ul>
        ${
          t.points
            ? html`<li>${bi(`ещё ${t.points} активных баллов`, `${t.points} more active points`)}${
                kind === "next" && t.by
                  ? html` <span class="muted">(${bi(`с ${ruDate(t.by)} начнут сгорать текущие`, `today's start expiring on ${ruDate(t.by)}`)})</span>`
                  : ""
              }</li>`
            : ""
        }
        ${t.missingCertificates.map(
          (m) =>
            html`<li>${bi(
              `сертификат «${courseTitle(m.course)}»: нужно ${m.required}, есть ${m.have}`,
              `certificate “${courseTitle(m.course)}”: ${m.required} needed, ${m.have} held`,
            )}</li>`,
        )}
        ${t.qmNeeded ? html`<li>${bi("участие в программе качества (проект, прошедший оба этапа за 12 месяцев)", "quality program participation (a project through both stages within 12 months)")}</li>` : ""}
      </ul>`
    }`;
  };

  const body = html`
    ${partner.terminatedAt ? html`<p class="bad" role="status">${bi("Партнёрство прекращено.", "The partnership has ended.")}</p>` : ""}
    <div class="stats">
      <div>${bi("Статус", "Status")}<strong class="text">${title.ru}</strong><span lang="en">${title.en}</span></div>
      <div>${bi("Присвоен", "Granted")}<strong>${ruDate(st.since)}</strong></div>
      <div>${bi("Действует до", "Valid until")}<strong>${st.until ? ruDate(st.until) : "—"}</strong></div>
      <div>${bi("Активные баллы", "Active points")}<strong>${st.activePoints}</strong></div>
      <div>${bi("Сертифицированные сотрудники", "Certified employees")}<strong>${st.certifiedEmployees}</strong></div>
      <div>${bi("Скидка", "Discount")}<strong>${st.discountPercent}%</strong>
        <span class="muted">${bi(`NFR-ключей по статусу: ${st.nfrKeys}`, `status NFR keys: ${st.nfrKeys}`)}</span></div>
    </div>
    ${pending.cardVersions.map(
      (v) =>
        html`<p class="warn" role="status">${bi(`Изменения карточки (версия ${v.version}) ждут проверки модератором`, `Card changes (version ${v.version}) await a moderator`)}: ${v.fields.join(", ")}. <a href="/cabinet/${partner.id}/card">${bi("Карточка", "Card")}</a></p>`,
    )}
    ${pending.domains.map(
      (d) =>
        html`<p class="note">${bi(`Домен ${d.host} не подтверждён`, `The domain ${d.host} is not verified`)} (${d.verification}).</p>`,
    )}
    <section aria-labelledby="chart-h"><h2 id="chart-h">${bi("Активные баллы", "Active points")}</h2>
      <p class="muted">${bi("Балл действует год со дня начисления; пунктир — прогноз без новых баллов.", "A point counts for a year from its day; dashed: the forecast with no new points.")}</p>
      ${pointsChart(accruals, on, st.until)}
    </section>
    <section aria-labelledby="forecast-h"><h2 id="forecast-h">${bi("Прогноз", "Forecast")}</h2>
      ${forecast.statusAtRisk ? html`<p class="warn">${bi(`Без новых баллов и сертификатов статус не подтвердится ${ruDate(forecast.statusAtRisk)}.`, `With no new points or certificates the status will not be confirmed on ${ruDate(forecast.statusAtRisk)}.`)}</p>` : ""}
      <h3>${bi("Сгорают в ближайшие 90 дней", "Expiring within 90 days")}</h3>
      ${
        forecast.expiring.length
          ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Дата", "Date")}</th><th scope="col" class="num">${bi("Баллы", "Points")}</th></tr></thead>
            <tbody>${forecast.expiring.map((e) => html`<tr><td>${ruDate(e.on)}</td><td class="num">${e.points}</td></tr>`)}</tbody></table></div>`
          : html`<p>${bi("Ничего не сгорает.", "Nothing expires.")}</p>`
      }
      ${forecast.keep ? target(forecast.keep, "keep") : ""}
      ${forecast.next ? target(forecast.next, "next") : ""}
    </section>
    <section aria-labelledby="mail-h"><h2 id="mail-h">${bi("Уведомления", "Notifications")}</h2>
      ${
        mails.length
          ? html`<ul>${mails.map((m) => html`<li>${ruDate(new Date(m.createdAt))}: ${m.subject} <span class="muted">(${m.to})</span></li>`)}</ul>`
          : html`<p>${bi("Уведомлений нет.", "No notifications.")}</p>`
      }
    </section>
    <section aria-labelledby="history-h"><h2 id="history-h">${bi("История статуса", "Status history")}</h2>
      ${
        changes.length
          ? html`<ul>${changes.map((ch) => {
              const to = statusTitle(ch.toStatus);
              return html`<li>${ruDate(ch.on)}: ${bi(to.ru, to.en)} <span class="muted">(${bi(...reasonWords[ch.reason])})</span></li>`;
            })}</ul>`
          : html`<p>${bi("Изменений не было.", "No changes yet.")}</p>`
      }
    </section>`;
  return cabinetPage(c, partner, "", ["Статус и баллы", "Status and points"], body);
}
