// R1.4a–c: the card — the approved version (what the directory and the widgets show), the pending one waiting
// for a moderator, and the edit form: every edit becomes a new pending version; the logo is its own upload.
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { normalisePortal, normaliseRuPhone, unique } from "../../program/cards/fields.ts";
import { MAX_LOGO_BYTES } from "../../program/cards/logo.ts";
import { uploadLogo } from "../../program/cards/logos.ts";
import {
  type CardVersion,
  cardValues,
  cardVersionsOf,
  editBase,
  latestIn,
  publication,
  submitCard,
} from "../../program/cards/versions.ts";
import type { AppEnv } from "../../types.ts";
import {
  checkbox,
  type FieldErrors,
  type FormData,
  field,
  formAlert,
  readForm,
  refusal,
  submitForm,
} from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

/** One value per line (lists: phones, e-mails, addresses). */
const lines = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
const blankToNull = (v: unknown) =>
  v === undefined || (typeof v === "string" && v.trim() === "") ? null : v;

const CardForm = z.object({
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  description: z.preprocess(blankToNull, z.string().trim().max(5000).nullable()),
  phones: z.preprocess(
    lines,
    z
      .array(
        z
          .string()
          .refine(
            (p) => normaliseRuPhone(p) !== null,
            "Не российский номер телефона / Not a valid Russian phone number",
          ),
      )
      .max(10),
  ),
  emails: z.preprocess(lines, z.array(z.email("Неверный e-mail / Not an e-mail address").max(200)).max(10)),
  addresses: z.preprocess(lines, z.array(z.string().max(500)).max(10)),
  website: z.preprocess(blankToNull, z.url("Адрес сайта: https://… / A URL: https://…").max(500).nullable()),
  bitrix24Portal: z.preprocess(
    blankToNull,
    z
      .string()
      .max(300)
      .refine(
        (v) => normalisePortal(v) !== null,
        "Портал вида company.bitrix24.ru / A portal like company.bitrix24.ru",
      )
      .nullable(),
  ),
  leadsEmail: z.preprocess(
    blankToNull,
    z.email("Неверный e-mail / Not an e-mail address").max(200).nullable(),
  ),
  publishOnSite: z.preprocess((v) => v === "on", z.boolean()),
});

const missingWords: Record<string, [string, string]> = {
  publishOnSite: ["отметка «Публиковать на сайте»", "“publish on site”"],
  description: ["описание", "description"],
  logo: ["логотип", "logo"],
  phones: ["телефон", "phone"],
  addresses: ["адрес офиса", "office address"],
  website: ["сайт", "website"],
};

/** The form's values from a version (lists one per line). */
function valuesOf(v: CardVersion): FormData {
  const c = cardValues(v);
  return {
    name: c.name,
    city: c.city,
    description: c.description ?? "",
    phones: c.phones.join("\n"),
    emails: c.emails.join("\n"),
    addresses: c.addresses.join("\n"),
    website: c.website ?? "",
    bitrix24Portal: c.bitrix24Portal ?? "",
    leadsEmail: c.leadsEmail ?? "",
    publishOnSite: c.publishOnSite ? "on" : "",
  };
}

function summary(v: CardVersion, partnerId: string) {
  const c = cardValues(v);
  const pub = publication(v);
  return html`<dl>
    <dt>${bi("Название", "Name")}</dt><dd>${c.name}</dd>
    <dt>${bi("Город", "City")}</dt><dd>${c.city}</dd>
    ${c.logoId ? html`<dt>${bi("Логотип", "Logo")}</dt><dd><img src="/api/v1/partners/${partnerId}/card/versions/${v.id}/logo" alt="Логотип / Logo" width="64" height="64" style="object-fit: contain"></dd>` : ""}
    <dt>${bi("Телефоны", "Phones")}</dt><dd>${c.phones.join(", ") || "—"}</dd>
    <dt>E-mail</dt><dd>${c.emails.join(", ") || "—"}</dd>
    <dt>${bi("Адреса", "Addresses")}</dt><dd>${c.addresses.join("; ") || "—"}</dd>
    <dt>${bi("Сайт", "Website")}</dt><dd>${c.website ?? "—"}</dd>
    <dt>${bi("Публикация в каталоге", "Directory listing")}</dt><dd>${
      pub.publishable
        ? bi("да", "yes")
        : html`${bi("нет — не хватает", "no — missing")}: ${pub.missing.map((m) => bi(...(missingWords[m] ?? [m, m]))).join(", ")}`
    }</dd>
  </dl>`;
}

export async function cardPage(
  c: Context<AppEnv>,
  deps: Deps,
  form?: { values: FormData; errors: FieldErrors },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, versions] = await Promise.all([
    loadPartner(deps.db, partnerId),
    cardVersionsOf(deps.db, partnerId),
  ]);
  const approved = latestIn(versions, "approved");
  const pending = latestIn(versions, "pending");
  const rejected = versions.filter((v) => v.state === "rejected").at(-1);
  const base = editBase(versions);
  const v = form?.values ?? (base ? valuesOf(base) : {});
  const errors = form?.errors;
  const body = html`
    ${
      pending
        ? html`<p class="warn" role="status"><strong>${bi(`Версия ${pending.version} ждёт проверки модератором`, `Version ${pending.version} awaits a moderator`)}</strong>
            (${bi("отправлена", "sent")} ${ruDate(pending.submittedAt)}). ${bi("Каталог и виджеты показывают одобренную версию.", "The directory and the widgets show the approved version.")}</p>`
        : ""
    }
    ${rejected && (!pending || rejected.version > (approved?.version ?? 0)) && rejected.reviewNote ? html`<p class="bad">${bi(`Версия ${rejected.version} отклонена`, `Version ${rejected.version} was rejected`)}: ${rejected.reviewNote}</p>` : ""}
    <div class="stats">
      <div><h2>${bi("Одобренная версия", "Approved version")}</h2>${approved ? summary(approved, partnerId) : html`<p>—</p>`}</div>
      ${pending ? html`<div><h2>${bi("На проверке", "Awaiting review")}</h2>${summary(pending, partnerId)}</div>` : ""}
    </div>
    <section aria-labelledby="edit-h"><h2 id="edit-h">${bi("Изменить карточку", "Edit the card")}</h2>
      <p class="muted">${bi("Изменения вступят в силу после проверки модератором (R1.4c).", "Changes take effect once a moderator has checked them (R1.4c).")}</p>
      <form class="stack" method="post" action="/cabinet/${partnerId}/card" novalidate>
        ${formAlert(errors)}
        ${field({ name: "name", label: ["Название", "Name"], value: v.name, errors, required: true })}
        ${field({ name: "city", label: ["Город", "City"], value: v.city, errors, required: true })}
        ${field({ name: "description", label: ["Описание", "Description"], value: v.description, errors, multiline: true })}
        ${field({ name: "phones", label: ["Телефоны", "Phones"], value: v.phones, errors, multiline: true, hint: ["по одному в строке", "one per line"] })}
        ${field({ name: "emails", label: ["E-mail", "E-mails"], value: v.emails, errors, multiline: true, hint: ["по одному в строке", "one per line"] })}
        ${field({ name: "addresses", label: ["Адреса офисов", "Office addresses"], value: v.addresses, errors, multiline: true, hint: ["по одному в строке", "one per line"] })}
        ${field({ name: "website", type: "url", label: ["Сайт", "Website"], value: v.website, errors })}
        ${field({ name: "bitrix24Portal", label: ["Портал Битрикс24", "Bitrix24 portal"], value: v.bitrix24Portal, errors, hint: ["company.bitrix24.ru — для NFR Битрикс24", "company.bitrix24.ru — for the Bitrix24 NFR"] })}
        ${field({ name: "leadsEmail", type: "email", label: ["E-mail для заявок", "E-mail for leads"], value: v.leadsEmail, errors })}
        ${checkbox({ name: "publishOnSite", label: ["Публиковать в каталоге", "Publish in the directory"], checked: v.publishOnSite === "on", errors })}
        <div><button type="submit">${bi("Отправить на проверку", "Send for review")}</button></div>
      </form>
    </section>
    <section aria-labelledby="logo-h"><h2 id="logo-h">${bi("Логотип", "Logo")}</h2>
      <form class="stack" method="post" action="/cabinet/${partnerId}/card/logo" enctype="multipart/form-data">
        ${formAlert(errors?.file ? { _: errors.file } : undefined)}
        <div class="field"><label for="f-file">${bi("Файл PNG, JPEG или WebP, до 1 МБ", "A PNG, JPEG or WebP file, up to 1 MB")}</label>
          <input type="file" id="f-file" name="file" accept="image/png,image/jpeg,image/webp" required></div>
        <div><button class="secondary" type="submit">${bi("Загрузить логотип", "Upload the logo")}</button></div>
      </form>
    </section>`;
  return cabinetPage(c, partner, "card", ["Карточка партнёра", "Partner card"], body, "", status);
}

export async function cardForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    CardForm,
    async (f) => {
      await submitCard(
        deps.db,
        partnerId,
        {
          ...f,
          phones: unique(f.phones.map((p) => normaliseRuPhone(p) ?? p)),
          emails: unique(f.emails.map((e) => e.toLowerCase())),
          addresses: unique(f.addresses),
          bitrix24Portal: f.bitrix24Portal ? normalisePortal(f.bitrix24Portal) : null,
        },
        { userId: c.get("principal")!.userId, now: deps.clock.now() },
      );
      return `/cabinet/${partnerId}/card`;
    },
    (errors, status) => cardPage(c, deps, { values, errors }, status),
  );
}

export async function logoForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  await readForm(c, [deps.publicUrl]); // the origin check (the file is read below)
  const body = await c.req.parseBody();
  const file = body.file;
  try {
    if (!(file instanceof File) || file.size === 0) {
      return cardPage(c, deps, { values: {}, errors: { file: ["Выберите файл / Choose a file"] } }, 422);
    }
    if (file.size > MAX_LOGO_BYTES) {
      return cardPage(
        c,
        deps,
        { values: {}, errors: { file: ["Файл больше 1 МБ / The file is over 1 MB"] } },
        422,
      );
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await uploadLogo(deps.db, partnerId, bytes, file.type || null, {
      userId: c.get("principal")!.userId,
      now: deps.clock.now(),
    });
    return c.redirect(`/cabinet/${partnerId}/card`, 303);
  } catch (err) {
    const { errors, status } = refusal(err);
    return cardPage(c, deps, { values: {}, errors: { file: errors.file ?? errors._ ?? [] } }, status);
  }
}
