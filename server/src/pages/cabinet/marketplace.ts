// R4E.6: the partner's Marketplace modules and their updates — the marketplace group (the main user, or an
// employee with the Marketplace flag) adds a module, edits its text (the old text is kept as a revision) and
// releases updates (a version above the latest; releases are never edited). R5.2: it claims the points for a
// module published in Marketplace (its page there and the end-user price); a moderator credits or rejects it.

import { pointsForPrice } from "@partner-trust/rules";
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import {
  ModuleInputSchema,
  marketplaceUrl,
  moduleDescription,
  moduleTitle,
  priceRub,
  UpdateInputSchema,
} from "../../program/marketplace/input.ts";
import {
  addModule,
  addUpdate,
  editModule,
  listModules,
  type ModuleView,
} from "../../program/marketplace/modules.ts";
import { claimable, claimPublication } from "../../program/marketplace/publication.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, type FormData, field, formAlert, readForm, submitForm } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

const EditForm = z.object({ title: moduleTitle, description: moduleDescription });
// The form posts the price as text: whole roubles, no blank (a blank is not "free").
const ClaimForm = z.object({
  marketplaceUrl,
  priceRub: z
    .string()
    .trim()
    .regex(/^\d+$/, "Цена в целых рублях, 0 — бесплатный / Whole roubles, 0 for a free module")
    .transform(Number)
    .pipe(priceRub),
});

const stateWords: Record<ModuleView["publication"], [string, string]> = {
  unsubmitted: ["не заявлена", "not claimed"],
  pending: ["на проверке у модератора", "awaiting a moderator"],
  credited: ["засчитана", "credited"],
  rejected: ["не засчитана", "not credited"],
};

/** R5.2: the module's publication claim — its state, points and note, and the claim form while allowed. */
function publication(partnerId: string, m: ModuleView, failed: Failed | undefined) {
  const form = `publication-${m.id}`;
  const price =
    m.priceRub === null ? "" : html` · ${bi("цена", "price")} ${m.priceRub.toLocaleString("ru-RU")} ₽`;
  return html`<p>${bi("Публикация в Marketplace", "Marketplace publication")}: <strong>${bi(...stateWords[m.publication])}</strong>${
    m.publication === "credited" ? html` · ${bi("баллов", "points")}: <strong>${m.points}</strong>` : ""
  }${m.publication !== "unsubmitted" ? price : ""}${
    m.marketplaceUrl
      ? html` · <a href="${m.marketplaceUrl}" rel="noopener noreferrer">${bi("страница модуля", "the module's page")}</a>`
      : ""
  }</p>
    ${m.publicationNote ? html`<p class="note">${bi("Заметка модератора", "Moderator's note")}: ${m.publicationNote}</p>` : ""}
    ${
      claimable(m)
        ? html`<details${failed ? " open" : ""}><summary>${bi(`Заявить публикацию модуля ${m.code}`, `Claim the publication of ${m.code}`)}</summary>
          <form class="stack" method="post" action="/cabinet/${partnerId}/marketplace/${m.id}/publication" novalidate>
            ${formAlert(failed?.errors)}
            ${field({ name: "marketplaceUrl", form, label: ["Страница модуля в Marketplace", "The module's Marketplace page"], type: "url", value: failed ? failed.values.marketplaceUrl : (m.marketplaceUrl ?? ""), errors: failed?.errors, required: true, hint: ["https://marketplace.1c-bitrix.ru/…", "https://marketplace.1c-bitrix.ru/…"] })}
            ${field({ name: "priceRub", form, label: ["Цена для покупателя, ₽", "End-user price, RUB"], type: "number", value: failed ? failed.values.priceRub : (m.priceRub?.toString() ?? ""), errors: failed?.errors, required: true, hint: [`Баллы = цена / 1000 с округлением (0 — бесплатный, 0 баллов)${m.priceRub ? `; сейчас ${pointsForPrice(m.priceRub)}` : ""}`, `Points = price / 1000, rounded (0: free, 0 points)${m.priceRub ? `; now ${pointsForPrice(m.priceRub)}` : ""}`] })}
            <div><button type="submit">${bi("Отправить на проверку", "Send for checking")}</button></div>
          </form></details>`
        : // A claim refused because the module is no longer claimable (a race): the refusal shows here.
          formAlert(failed?.errors)
    }`;
}

const doneWords: Record<string, [string, string]> = {
  module: ["Модуль добавлен.", "The module was added."],
  edit: [
    "Описание модуля сохранено; прежнее сохранено в истории.",
    "The module was saved; the old text is kept.",
  ],
  update: ["Обновление добавлено.", "The update was added."],
  publication: [
    "Публикация отправлена на проверку модератору.",
    "The publication was sent to a moderator for checking.",
  ],
};

/** Which form the errors belong to: `add`, `edit-<moduleId>`, `update-<moduleId>` or `publication-<moduleId>`. */
type Failed = { form: string; values: FormData; errors: FieldErrors };

export async function marketplacePage(
  c: Context<AppEnv>,
  deps: Deps,
  failed?: Failed,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, modules] = await Promise.all([
    loadPartner(deps.db, partnerId),
    listModules(deps.db, partnerId),
  ]);
  const of = (form: string) => (failed?.form === form ? failed : undefined);
  const add = of("add");
  const done = doneWords[c.req.query("done") ?? ""];
  const body = html`
    ${done ? html`<p class="ok" role="status">${bi(...done)}</p>` : ""}
    ${
      modules.length
        ? modules.map((m) => {
            const edit = of(`edit-${m.id}`);
            const update = of(`update-${m.id}`);
            return html`<section class="module" aria-labelledby="m-${m.id}-h">
              <h2 id="m-${m.id}-h">${m.title} <span class="muted">${m.code}</span></h2>
              <p>${m.description}</p>
              <p class="muted">${bi("Последняя версия", "Latest version")}: <strong>${m.latestVersion ?? "—"}</strong>
                · ${bi("добавлен", "added")} ${ruDate(m.createdAt)}${m.updatedAt ? html` · ${bi("изменён", "edited")} ${ruDate(m.updatedAt)}` : ""}</p>
              ${publication(partnerId, m, of(`publication-${m.id}`))}
              ${
                m.updates.length
                  ? html`<div class="table-wrap"><table><thead><tr>
                      <th scope="col">${bi("Версия", "Version")}</th><th scope="col">${bi("Дата", "Date")}</th>
                      <th scope="col">${bi("Что нового", "Release notes")}</th></tr></thead><tbody>
                      ${[...m.updates].reverse().map((u) => html`<tr><td>${u.version}</td><td>${ruDate(u.createdAt)}</td><td>${u.notes}</td></tr>`)}
                    </tbody></table></div>`
                  : html`<p>${bi("Обновлений пока нет.", "No updates yet.")}</p>`
              }
              <details${update ? " open" : ""}><summary>${bi(`Добавить обновление модуля ${m.code}`, `Add an update of ${m.code}`)}</summary>
                <form class="stack" method="post" action="/cabinet/${partnerId}/marketplace/${m.id}/updates" novalidate>
                  ${formAlert(update?.errors)}
                  ${field({ name: "version", form: `update-${m.id}`, label: ["Версия", "Version"], value: update?.values.version, errors: update?.errors, required: true, hint: [`Выше ${m.latestVersion ?? "0.0.0"}, вида 1.2.3`, `Above ${m.latestVersion ?? "0.0.0"}, like 1.2.3`] })}
                  ${field({ name: "notes", form: `update-${m.id}`, label: ["Что нового", "Release notes"], value: update?.values.notes, errors: update?.errors, required: true, multiline: true })}
                  <div><button type="submit">${bi("Добавить обновление", "Add the update")}</button></div>
                </form></details>
              <details${edit ? " open" : ""}><summary>${bi(`Изменить описание модуля ${m.code}`, `Edit ${m.code}`)}</summary>
                <form class="stack" method="post" action="/cabinet/${partnerId}/marketplace/${m.id}" novalidate>
                  ${formAlert(edit?.errors)}
                  ${field({ name: "title", form: `edit-${m.id}`, label: ["Название", "Title"], value: edit ? edit.values.title : m.title, errors: edit?.errors, required: true })}
                  ${field({ name: "description", form: `edit-${m.id}`, label: ["Описание", "Description"], value: edit ? edit.values.description : m.description, errors: edit?.errors, required: true, multiline: true })}
                  <div><button type="submit">${bi("Сохранить", "Save")}</button></div>
                </form></details>
            </section>`;
          })
        : html`<p>${bi("Модулей пока нет.", "No modules yet.")}</p>`
    }
    <section aria-labelledby="add-h"><h2 id="add-h">${bi("Новый модуль", "New module")}</h2>
      <form class="stack" method="post" action="/cabinet/${partnerId}/marketplace" novalidate>
        ${formAlert(add?.errors)}
        ${field({ name: "code", label: ["Код модуля", "Module code"], value: add?.values.code, errors: add?.errors, required: true, hint: ["Как в Marketplace: partner.module", "As in Marketplace: partner.module"] })}
        ${field({ name: "title", label: ["Название", "Title"], value: add?.values.title, errors: add?.errors, required: true })}
        ${field({ name: "description", label: ["Описание", "Description"], value: add?.values.description, errors: add?.errors, required: true, multiline: true })}
        <div><button type="submit">${bi("Добавить модуль", "Add the module")}</button></div>
      </form></section>`;
  return cabinetPage(
    c,
    partner,
    "marketplace",
    ["Модули Marketplace", "Marketplace modules"],
    body,
    "",
    status,
  );
}

/** Reads and validates a form, runs `write`, redirects; shows the errors on the form named `form`. */
async function submit<T>(
  c: Context<AppEnv>,
  deps: Deps,
  form: string,
  done: keyof typeof doneWords,
  schema: z.ZodType<T>,
  write: (data: T, by: { userId: string; now: Date }) => Promise<unknown>,
) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    schema,
    async (data) => {
      await write(data, { userId: c.get("principal")!.userId, now: deps.clock.now() });
      return `/cabinet/${partnerId}/marketplace?done=${done}`;
    },
    // A module not this partner's (404) has no form on the page: the refusal shows above the new-module form.
    (errors, status) =>
      marketplacePage(c, deps, { form: status === 404 ? "add" : form, values, errors }, status),
  );
}

export const addModuleForm = (c: Context<AppEnv>, deps: Deps) =>
  submit(c, deps, "add", "module", ModuleInputSchema, (data, by) =>
    addModule(deps.db, c.req.param("partnerId")!, data, by),
  );

export const editModuleForm = (c: Context<AppEnv>, deps: Deps) => {
  const moduleId = c.req.param("moduleId")!;
  return submit(c, deps, `edit-${moduleId}`, "edit", EditForm, (data, by) =>
    editModule(deps.db, c.req.param("partnerId")!, moduleId, data, by),
  );
};

export const addUpdateForm = (c: Context<AppEnv>, deps: Deps) => {
  const moduleId = c.req.param("moduleId")!;
  return submit(c, deps, `update-${moduleId}`, "update", UpdateInputSchema, (data, by) =>
    addUpdate(deps.db, c.req.param("partnerId")!, moduleId, data, by),
  );
};

export const claimPublicationForm = (c: Context<AppEnv>, deps: Deps) => {
  const moduleId = c.req.param("moduleId")!;
  return submit(c, deps, `publication-${moduleId}`, "publication", ClaimForm, (data, by) =>
    claimPublication(deps.db, c.req.param("partnerId")!, moduleId, data, by),
  );
};
