// R4C: the partner's attached employees with their certificates, and who lacks which course for Gold (R4C.2).
import type { Context } from "hono";
import { html } from "hono/html";
import type { Db } from "../../db/client.ts";
import { levelEn, levelRu } from "../../program/employees/mail.ts";
import { trainingOf } from "../../program/training/gaps.ts";
import type { AppEnv } from "../../types.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

export async function trainingPage(c: Context<AppEnv>, { db }: { db: Db }) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, t] = await Promise.all([loadPartner(db, partnerId), trainingOf(db, partnerId)]);
  const title = (code: string) => t.requiredCourses.find((r) => r.code === code)?.title ?? code;
  const body = html`
    <section aria-labelledby="gaps-h"><h2 id="gaps-h">${bi("Курсы, которых не хватает для «Золотого»", "Courses missing for Gold")}</h2>
      <p class="muted">${bi(
        "Специалисты золотого партнёра (полные и ограниченные права) проходят все текущие курсы и будущие (R4C.2).",
        "A Gold partner's specialists (full and limited rights) take every current course and future ones (R4C.2).",
      )}</p>
      ${
        t.goldGaps.length
          ? html`<ul>${t.goldGaps.map(
              (g) => html`<li><strong>${g.name}</strong>: ${g.missingCourses.map(title).join(", ")}</li>`,
            )}</ul>`
          : html`<p class="ok">${bi("Все специалисты прошли все курсы.", "Every specialist has taken every course.")}</p>`
      }
    </section>
    <section aria-labelledby="certs-h"><h2 id="certs-h">${bi("Сертификаты сотрудников", "Employees' certificates")}</h2>
      <div class="table-wrap"><table><thead><tr><th scope="col">${bi("Сотрудник", "Employee")}</th>
        <th scope="col">${bi("Права", "Rights")}</th><th scope="col">${bi("Сертификаты", "Certificates")}</th></tr></thead>
        <tbody>${t.employees.map(
          (e) =>
            html`<tr><td>${e.name}</td><td>${bi(levelRu[e.level], levelEn[e.level])}</td><td>${
              e.certificates.length
                ? html`<ul>${e.certificates.map(
                    (cert) =>
                      html`<li>${cert.title}${cert.examLevel ? ` (${cert.examLevel})` : ""} — ${ruDate(cert.issuedOn)}</li>`,
                  )}</ul>`
                : "—"
            }</td></tr>`,
        )}</tbody></table></div>
    </section>`;
  return cabinetPage(c, partner, "training", ["Сертификаты", "Certificates"], body);
}
