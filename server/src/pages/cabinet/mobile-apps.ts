// R5.2: published mobile apps — the partner's apps (state, points, the moderator's note) and the form that adds
// one for a moderator to check against its store page. Points: round-half-up(the edition's end-user price / 1000).
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import type { MobileAppState } from "../../db/schema/index.ts";
import { addApp, appEditions, appsWhere } from "../../program/mobile-apps/apps.ts";
import { stores } from "../../program/mobile-apps/store-url.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, type FormData, field, formAlert, readForm, select, submitForm } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

const stateWords: Record<MobileAppState, readonly [string, string]> = {
  pending: ["на проверке", "under review"],
  credited: ["засчитано", "credited"],
  rejected: ["отклонено", "rejected"],
};

const AppForm = z.object({
  title: z.string().trim().min(1, "Укажите название / Give the title").max(300),
  storeUrl: z.url("Ссылка: https://… / A link: https://…").max(2000),
  editionId: z.string().min(1, "Выберите редакцию / Choose the edition").max(100),
  clientName: z.string().trim().min(1, "Укажите клиента / Name the client").max(300),
});

export async function mobileAppsPage(
  c: Context<AppEnv>,
  deps: Deps,
  form?: { values: FormData; errors: FieldErrors },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, apps, editions] = await Promise.all([
    loadPartner(deps.db, partnerId),
    appsWhere(deps.db, { partnerId }),
    appEditions(deps.db),
  ]);
  const v = form?.values ?? {};
  const errors = form?.errors;
  const body = html`
    ${c.req.query("added") ? html`<p class="ok" role="status">${bi("Приложение добавлено и ждёт проверки модератором.", "The app was added and awaits a moderator's check.")}</p>` : ""}
    <p class="muted">${bi(
      "За опубликованное внедрённое приложение начисляются баллы: стоимость редакции, на которой оно сделано, / 1000 (R5.2). Модератор проверяет страницу приложения в магазине.",
      "A published app you implemented earns points: the price of the edition it is built on / 1000 (R5.2). A moderator checks the app's store page.",
    )}</p>
    ${
      apps.length
        ? html`<div class="table-wrap"><table><thead><tr>
          <th scope="col">${bi("Приложение", "App")}</th><th scope="col">${bi("Редакция", "Edition")}</th>
          <th scope="col">${bi("Состояние", "State")}</th><th scope="col" class="num">${bi("Баллы", "Points")}</th>
          <th scope="col">${bi("Замечание модератора", "Moderator's note")}</th></tr></thead><tbody>
          ${apps.map(
            (
              a,
            ) => html`<tr><td><strong>${a.title}</strong><br><a href="${a.storeUrl}" rel="noopener noreferrer">${a.storeUrl}</a>
              <br><span class="muted">${a.clientName}</span></td>
              <td>${a.editionTitle}</td>
              <td><span class="badge state-${a.state}">${bi(...stateWords[a.state])}</span><br><span class="muted">${ruDate(a.submittedAt)}</span></td>
              <td class="num">${a.points ?? html`<span class="muted">${bi(`≈${a.expectedPoints}`, `≈${a.expectedPoints}`)}</span>`}</td>
              <td>${a.moderatorNote ?? ""}</td></tr>`,
          )}</tbody></table></div>`
        : html`<p>${bi("Приложений пока нет.", "No apps yet.")}</p>`
    }
    ${
      partner.status === "none"
        ? ""
        : html`<section aria-labelledby="add-h"><h2 id="add-h">${bi("Добавить приложение", "Add an app")}</h2>
      <form class="stack" method="post" action="/cabinet/${partnerId}/mobile-apps" novalidate>
        ${formAlert(errors)}
        ${field({ name: "title", label: ["Название", "Title"], value: v.title, errors, required: true })}
        ${field({ name: "storeUrl", type: "url", label: ["Страница в магазине приложений", "App store page"], value: v.storeUrl, errors, required: true, hint: [stores.map((s) => s.ru).join(", "), stores.map((s) => s.en).join(", ")] })}
        ${select({ name: "editionId", label: ["Редакция, на которой сделано приложение", "The edition the app is built on"], value: v.editionId, errors, options: [["", "—", ""], ...editions.map((e) => [e.code, e.title, ""] as const)] })}
        ${field({ name: "clientName", label: ["Клиент", "Client"], value: v.clientName, errors, required: true })}
        <div><button type="submit">${bi("Добавить приложение", "Add the app")}</button></div>
      </form></section>`
    }`;
  return cabinetPage(c, partner, "mobile-apps", ["Мобильные приложения", "Mobile apps"], body, "", status);
}

export async function addMobileAppForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    AppForm,
    async (data) => {
      await addApp(
        deps.db,
        { ...data, partnerId, userId: c.get("principal")!.userId },
        { clock: deps.clock },
      );
      return `/cabinet/${partnerId}/mobile-apps?added=1`;
    },
    (errors, status) => mobileAppsPage(c, deps, { values, errors }, status),
  );
}
