// R5.5b: the partner sees each client's quality-monitoring results — the tests of stage 1 and the ratings of
// the call (stage 2), with the points the completion credited.
import type { Context } from "hono";
import { html } from "hono/html";
import type { Db } from "../../db/client.ts";
import { partnerResults } from "../../program/quality/queries.ts";
import type { AppEnv } from "../../types.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

const stateWords: Record<string, [string, string]> = {
  submitted: ["ждёт звонка клиенту", "awaiting the client call"],
  stage1_passed: ["этап 1 пройден", "stage 1 passed"],
  completed: ["завершён", "completed"],
  rejected: ["отклонён", "rejected"],
};

export async function qmPage(c: Context<AppEnv>, { db }: { db: Db }) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, results] = await Promise.all([loadPartner(db, partnerId), partnerResults(db, partnerId)]);
  const body = results.length
    ? html`${results.map((r) => {
        const [ru, en] = stateWords[r.state] ?? [r.state, r.state];
        return html`<section aria-label="${r.title}"><h2>${r.title} <span class="muted">${r.host}</span></h2>
          <p><span class="badge state-${r.state}">${bi(ru, en)}</span> · ${bi("отправлено", "submitted")} ${ruDate(r.submittedAt)}
            ${r.completedAt ? html` · ${bi("завершено", "completed")} ${ruDate(r.completedAt)}` : ""}
            ${r.points ? html` · <strong>${bi(`+${r.points} баллов`, `+${r.points} points`)}</strong>` : ""}</p>
          ${r.rejectReason ? html`<p class="bad">${r.rejectReason}</p>` : ""}
          <p>${bi("Контакт клиента", "Client contact")}: ${r.client.name}, ${r.client.phone}</p>
          ${
            r.ratings.length
              ? html`<div class="table-wrap"><table><caption class="muted">${bi(
                  `Оценки клиента, в среднем ${r.averageRating}`,
                  `The client's ratings, ${r.averageRating} on average`,
                )}</caption><thead><tr><th scope="col">${bi("Вопрос", "Question")}</th><th scope="col" class="num">${bi("Оценка", "Rating")}</th><th scope="col">${bi("Комментарий", "Comment")}</th></tr></thead>
                <tbody>${r.ratings.map(
                  (q) =>
                    html`<tr><td>${bi(q.textRu, q.textEn)}</td><td class="num">${q.rating} / ${q.scaleMax}</td><td>${q.comment ?? ""}</td></tr>`,
                )}</tbody></table></div>`
              : ""
          }</section>`;
      })}`
    : html`<p>${bi("Проектов в программе качества пока нет.", "No projects in the quality program yet.")}</p>`;
  return cabinetPage(c, partner, "qm", ["Программа качества", "Quality monitoring"], body);
}
