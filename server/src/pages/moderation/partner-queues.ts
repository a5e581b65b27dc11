// Queues of the partners' own submissions: applications (R1.2), card changes (R1.4c), projects (R5.4a), QM calls
// (R5.5b), additional points (R5.3), NFR requests (R6.1b, R6.2). Items come from the program/ modules; the
// decisions call the same program/ functions as the API routes.
import { html } from "hono/html";
import { z } from "zod";
import * as s from "../../db/schema/index.ts";
import { decideRequest, moderationQueue as pointsQueue } from "../../program/additional-points/requests.ts";
import { applicationQueue, decideApplication } from "../../program/applications/moderation.ts";
import { pendingQueue as cardQueue, decideCard } from "../../program/cards/versions.ts";
import { approveApplication } from "../../program/lifecycle/approve.ts";
import { decideNfrRequest } from "../../program/nfr/decide.ts";
import { moderationRequests } from "../../program/nfr/list.ts";
import { decideProject } from "../../program/projects/decide.ts";
import { projectQueue } from "../../program/projects/queue.ts";
import { recordCall, rejectSubmission } from "../../program/quality/call.ts";
import { moderationQueue as qmQueue, questionnaire } from "../../program/quality/queries.ts";
import { type FieldErrors, type FormData, field, select } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { queue } from "./types.ts";

const blankless = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const reason = z.string().trim().min(1, "Укажите причину / Give a reason").max(2000);
const note = blankless(z.string().trim().max(2000));
const yesNo = z.enum(["yes", "no"], { error: "Выберите решение / Choose a decision" });

const reasonField = (values: FormData, errors: FieldErrors | undefined, required = true) =>
  field({
    name: "reason",
    label: required ? ["Причина", "Reason"] : ["Комментарий", "Note"],
    value: values.reason,
    errors,
    required,
    multiline: true,
  });
const noteField = (values: FormData, errors: FieldErrors | undefined) =>
  field({ name: "note", label: ["Комментарий", "Note"], value: values.note, errors, multiline: true });
const approveSelect = (values: FormData, errors: FieldErrors | undefined, name = "approve") =>
  select({
    name,
    label: ["Решение", "Decision"],
    value: values[name] ?? "",
    errors,
    options: [
      ["", "—", ""],
      ["yes", "Одобрить", "Approve"],
      ["no", "Отклонить", "Reject"],
    ],
  });
const partnerLink = (id: string, name: string) => html`<a href="/cabinet/${id}">${name}</a>`;
/** A finding's `{ ru, en }` message in both languages. */
export const words = (m: unknown) => {
  const w = m as { ru?: string; en?: string } | null;
  return w?.ru ? bi(w.ru, w.en ?? "") : "";
};

// R1.2b: applications, overdue after 3 working days (catalogue calendar); R1.2c: approval.
type Application = Awaited<ReturnType<typeof applicationQueue>>[number];
export const applications = queue<Application>({
  slug: "applications",
  ru: "Заявки на партнёрство",
  en: "Partnership applications",
  about: ["R1.2b: рассмотрение за 3 рабочих дня", "R1.2b: reviewed within 3 working days"],
  load: ({ db, clock }) => applicationQueue(db, { clock }),
  id: (a) => a.id,
  due: true,
  overdue: (a) => a.overdue,
  head: [
    ["Компания", "Company"],
    ["ИНН", "INN"],
    ["Город", "City"],
    ["Подана", "Submitted"],
  ],
  row: (a) => [html`${a.companyName}`, html`${a.inn}`, html`${a.city}`, html`${ruDate(a.submittedAt)}`],
  details: (a) => html`<dl>
    <dt>${bi("Компания", "Company")}</dt><dd>${a.companyName} (${a.legalKind}), ${bi("ИНН", "INN")} ${a.inn}</dd>
    <dt>${bi("Контакт", "Contact")}</dt><dd>${a.contactName}, ${a.contactPhone}, ${a.contactEmail}</dd>
    <dt>${bi("Сайт", "Website")}</dt><dd>${a.website ?? "—"}</dd>
    <dt>${bi("Деятельность", "Activity")}</dt><dd>${a.activity ?? "—"}</dd></dl>`,
  decisions: [
    {
      action: "approve",
      label: ["Одобрить: статус Business, договор", "Approve: Business status, contract"],
      schema: z.object({ note }),
      fields: (_a, v, e) => noteField(v, e),
      run: ({ db, clock }, p, a, d) =>
        approveApplication(db, a.id, { userId: p.userId, note: d.note as string | undefined }, { clock }),
    },
    {
      action: "request-info",
      label: ["Запросить информацию", "Ask for more information"],
      secondary: true,
      schema: z.object({ question: reason }),
      fields: (_a, v, e) =>
        field({
          name: "question",
          label: ["Вопрос заявителю", "Question to the applicant"],
          value: v.question,
          errors: e,
          required: true,
          multiline: true,
        }),
      run: ({ db, clock }, p, a, d) =>
        decideApplication(
          db,
          { applicationId: a.id, actorUserId: p.userId, to: "needs_info", reason: d.question as string },
          { clock },
        ),
    },
    {
      action: "reject",
      label: ["Отклонить", "Reject"],
      secondary: true,
      schema: z.object({ reason }),
      fields: (_a, v, e) => reasonField(v, e),
      run: ({ db, clock }, p, a, d) =>
        decideApplication(
          db,
          { applicationId: a.id, actorUserId: p.userId, to: "rejected", reason: d.reason as string },
          { clock },
        ),
    },
  ],
});

// R1.4c: pending card versions with their diff against the approved one.
type CardChange = Awaited<ReturnType<typeof cardQueue>>[number] & { partnerName: string };
export const cardChanges = queue<CardChange>({
  slug: "card-changes",
  ru: "Изменения карточек",
  en: "Card changes",
  about: ["R1.4c: изменения публикуются после проверки", "R1.4c: changes go live once approved"],
  async load({ db }) {
    const [items, names] = await Promise.all([
      cardQueue(db),
      db.select({ id: s.partners.id, name: s.partners.name }).from(s.partners),
    ]);
    const name = new Map(names.map((n) => [n.id, n.name]));
    return items.map((i) => ({ ...i, partnerName: name.get(i.version.partnerId) ?? "—" }));
  },
  id: (c) => c.version.id,
  due: false,
  overdue: () => false,
  head: [
    ["Партнёр", "Partner"],
    ["Изменено полей", "Fields changed"],
    ["Отправлено", "Submitted"],
  ],
  row: (c) => [html`${c.partnerName}`, html`${c.diff.length}`, html`${ruDate(c.version.submittedAt)}`],
  details: (c) => html`<p>${partnerLink(c.version.partnerId, c.partnerName)}</p>
    <div class="table-wrap"><table><thead><tr><th scope="col">${bi("Поле", "Field")}</th>
      <th scope="col">${bi("Было", "Was")}</th><th scope="col">${bi("Стало", "Now")}</th></tr></thead>
      <tbody>${c.diff.map(
        (d) =>
          html`<tr><td>${d.field}</td><td>${String(d.old ?? "—")}</td><td>${String(d.new ?? "—")}</td></tr>`,
      )}</tbody></table></div>`,
  decisions: [
    {
      action: "approve",
      label: ["Одобрить", "Approve"],
      schema: z.object({ note }),
      fields: (_c, v, e) => noteField(v, e),
      run: ({ db, clock }, p, c, d) =>
        decideCard(db, c.version.id, "approve", {
          userId: p.userId,
          now: clock.now(),
          note: d.note as string,
        }),
    },
    {
      action: "reject",
      label: ["Отклонить", "Reject"],
      secondary: true,
      schema: z.object({ reason }),
      fields: (_c, v, e) => reasonField(v, e),
      run: ({ db, clock }, p, c, d) =>
        decideCard(db, c.version.id, "reject", {
          userId: p.userId,
          now: clock.now(),
          note: d.reason as string,
        }),
    },
  ],
});

// R5.4a: drafts, overdue after 5 working days; the site check's evidence; R5.4k mirror flag.
type Project = Awaited<ReturnType<typeof projectQueue>>[number];
export const projects = queue<Project>({
  slug: "projects",
  ru: "Проекты",
  en: "Projects",
  about: ["R5.4a: проверка за 5 рабочих дней", "R5.4a: reviewed within 5 working days"],
  load: ({ db, clock }) => projectQueue(db, "draft", { clock }),
  id: (p) => p.id,
  due: true,
  overdue: (p) => p.overdue,
  head: [
    ["Сайт", "Site"],
    ["Партнёр", "Partner"],
    ["Редакция", "Edition"],
    ["Добавлен", "Added"],
  ],
  row: (p) => [
    html`${p.host}${p.mirrorOf ? html` <span class="badge state-pending">${bi("зеркало?", "mirror?")}</span>` : ""}`,
    html`${p.partnerName}`,
    html`${p.editionCode ?? "—"}`,
    html`${ruDate(p.submittedAt)}`,
  ],
  details: (p) => html`<dl>
    <dt>${bi("Сайт", "Site")}</dt><dd><a href="${p.url}" rel="noopener noreferrer">${p.url}</a> — ${p.title}</dd>
    <dt>${bi("Партнёр", "Partner")}</dt><dd>${partnerLink(p.partnerId, p.partnerName)}</dd>
    <dt>${bi("Клиент", "Client")}</dt><dd>${p.client.name}</dd>
    <dt>${bi("Владелец лицензии", "License owner")}</dt><dd>${p.licenseOwner.name}</dd></dl>
    ${
      p.evidence.length
        ? html`<h2>${bi("Проверка сайта", "Site check")}</h2><ul>${p.evidence.map(
            (f) => html`<li>${f.rule}: <span class="badge">${f.verdict}</span> ${words(f.message)}</li>`,
          )}</ul>`
        : ""
    }`,
  decisions: [
    {
      action: "decide",
      label: ["Решение по проекту", "Decide the project"],
      schema: z
        .object({
          decision: z.enum(["credit", "accept_for_review", "reject"], {
            error: "Выберите решение / Choose a decision",
          }),
          note,
        })
        .refine((d) => d.decision === "credit" || d.note, {
          path: ["note"],
          message: "Комментарий обязателен, кроме зачёта / A note is required unless credited",
        }),
      fields: (_p, v, e) =>
        html`${select({
          name: "decision",
          label: ["Решение", "Decision"],
          value: v.decision ?? "",
          errors: e,
          options: [
            ["", "—", ""],
            ["credit", "Зачесть", "Credit"],
            ["accept_for_review", "Принять на доработку", "Accept for review"],
            ["reject", "Отклонить", "Reject"],
          ],
        })}${noteField(v, e)}`,
      run: ({ db, clock }, pr, p, d) =>
        decideProject(
          { db, clock },
          pr.userId,
          p.id,
          d.decision as "credit" | "accept_for_review" | "reject",
          d.note as string | undefined,
        ),
    },
  ],
});

// R5.5b: the moderator's call to the client: every active question rated on its scale.
type Questions = Awaited<ReturnType<typeof questionnaire>>["questions"];
type QmCall = Awaited<ReturnType<typeof qmQueue>>[number] & { questions: Questions };
const ratingName = (questionId: string) => `rating_${questionId}`;
export const qmCalls = queue<QmCall>({
  slug: "qm",
  ru: "Звонки по программе качества",
  en: "Quality monitoring calls",
  about: ["R5.5b: звонок клиенту и оценки", "R5.5b: the call to the client and the ratings"],
  async load({ db }) {
    const [items, q] = await Promise.all([qmQueue(db), questionnaire(db)]);
    return items.map((i) => ({ ...i, questions: q.questions }));
  },
  id: (q) => q.id,
  due: false,
  overdue: () => false,
  head: [
    ["Проект", "Project"],
    ["Партнёр", "Partner"],
    ["Клиент", "Client"],
    ["Подано", "Submitted"],
  ],
  row: (q) => [
    html`${q.host}`,
    html`${q.partnerName}`,
    html`${q.clientContact.name}, ${q.clientContact.phone}`,
    html`${ruDate(q.submittedAt)}`,
  ],
  details: (q) => html`<p>${partnerLink(q.partnerId, q.partnerName)} · ${q.title} (${q.host})</p>
    <p>${bi("Клиент", "Client")}: ${q.clientContact.name}, <a href="tel:${q.clientContact.phone}">${q.clientContact.phone}</a>
      ${q.clientContact.email ?? ""}</p>
    <ul>${q.tests.map(
      (t) =>
        html`<li>${t.code}: ${t.passed ? bi("пройден", "passed") : bi("не пройден", "failed")}${
          t.explanation ? html` — ${t.explanation}` : ""
        }</li>`,
    )}</ul>`,
  decisions: [
    {
      action: "call",
      label: ["Записать звонок", "Record the call"],
      // The program checks the ratings against the questionnaire (every question once, on its scale).
      schema: z.record(z.string(), z.string()).transform((v, ctx) => {
        const ratings = Object.entries(v)
          .filter(([k]) => k.startsWith("rating_"))
          .map(([k, r]) => ({ questionId: k.slice("rating_".length), rating: Number(r), key: k }));
        for (const r of ratings)
          if (!Number.isInteger(r.rating) || v[r.key] === "")
            ctx.addIssue({ code: "custom", path: [r.key], message: "Поставьте оценку / Give a rating" });
        return {
          ratings: ratings.map(({ questionId, rating }) => ({ questionId, rating })),
          note: v.note || undefined,
        };
      }),
      fields: (q, v, e) =>
        html`${q.questions.map((question) =>
          select({
            name: ratingName(question.id),
            label: [question.textRu, question.textEn],
            value: v[ratingName(question.id)] ?? "",
            errors: e,
            options: [
              ["", "—", ""],
              ...Array.from({ length: question.scaleMax - question.scaleMin + 1 }, (_, i) => {
                const n = String(question.scaleMin + i);
                return [n, n, ""] as const;
              }),
            ],
          }),
        )}${noteField(v, e)}`,
      run: ({ db, clock }, p, q, d) =>
        recordCall(
          db,
          {
            submissionId: q.id,
            ratings: d.ratings as { questionId: string; rating: number }[],
            moderatorId: p.userId,
            note: d.note as string | undefined,
          },
          { clock },
        ),
    },
    {
      action: "reject",
      label: ["Отклонить заявку", "Decline the submission"],
      secondary: true,
      schema: z.object({ reason }),
      fields: (_q, v, e) => reasonField(v, e),
      run: ({ db, clock }, p, q, d) =>
        rejectSubmission(
          db,
          { submissionId: q.id, moderatorId: p.userId, reason: d.reason as string },
          { clock },
        ),
    },
  ],
});

// R5.3: additional points, due on the 10th working day (the program's dueOn / overdue).
type PointsRequest = Awaited<ReturnType<typeof pointsQueue>>[number];
export const additionalPoints = queue<PointsRequest>({
  slug: "additional-points",
  ru: "Дополнительные баллы",
  en: "Additional points",
  about: ["R5.3: решение за 10 рабочих дней", "R5.3: decided within 10 working days"],
  load: ({ db, clock }) => pointsQueue(db, { clock }),
  id: (r) => r.id,
  due: true,
  overdue: (r) => r.overdue,
  head: [
    ["Партнёр", "Partner"],
    ["Основание", "Grounds"],
    ["Подан", "Submitted"],
    ["Срок", "Due"],
  ],
  row: (r) => [
    html`${r.partnerName}`,
    html`${r.kind}`,
    html`${ruDate(r.submittedAt)}`,
    html`${ruDate(r.dueOn)}`,
  ],
  details: (r) => html`<p>${partnerLink(r.partnerId, r.partnerName)} · ${r.kind}</p><p>${r.description}</p>
    ${r.evidenceUrl ? html`<p><a href="${r.evidenceUrl}" rel="noopener noreferrer">${r.evidenceUrl}</a></p>` : ""}`,
  decisions: [
    {
      action: "decide",
      label: ["Решение", "Decide"],
      schema: z
        .object({
          approve: yesNo,
          points: blankless(
            z.coerce.number({ error: "Число / A number" }).int("Целое число / A whole number"),
          ),
          reason,
        })
        .refine((d) => d.approve === "no" || (d.points ?? 0) > 0, {
          path: ["points"],
          message: "Сколько баллов начислить (больше нуля) / How many points (above zero)",
        }),
      fields: (_r, v, e) =>
        html`${approveSelect(v, e)}${field({ name: "points", label: ["Баллы", "Points"], type: "number", value: v.points, errors: e })}${reasonField(v, e)}`,
      run: ({ db, clock }, p, r, d) =>
        decideRequest(
          db,
          {
            requestId: r.id,
            moderatorId: p.userId,
            decision: {
              approve: d.approve === "yes",
              points: d.points as number | undefined,
              reason: d.reason as string,
            },
          },
          { clock },
        ),
    },
  ],
});

/** R6.2b: the engine's verdict on the request's conditions, as it was when the partner asked. */
function eligibilityOf(value: unknown) {
  const e = value as { eligible?: boolean; unmet?: string[] } | null;
  if (!e || typeof e.eligible !== "boolean") return "";
  return e.eligible
    ? html`<p class="ok">${bi("Условия R6.2b выполнены", "The R6.2b conditions are met")}</p>`
    : html`<p class="warn">${bi("Не выполнено (R6.2b)", "Unmet (R6.2b)")}: ${(e.unmet ?? []).join(", ")}</p>`;
}

// R6.1b downgrades and R6.2 NFR on request (never the key itself).
type NfrRequest = Awaited<ReturnType<typeof moderationRequests>>[number];
export const nfrRequests = queue<NfrRequest>({
  slug: "nfr",
  ru: "Запросы NFR",
  en: "NFR requests",
  about: ["R6.1b, R6.2: смена редакции и NFR по запросу", "R6.1b, R6.2: edition changes and NFR on request"],
  load: ({ db }) => moderationRequests(db),
  id: (r) => r.id,
  due: false,
  overdue: () => false,
  head: [
    ["Партнёр", "Partner"],
    ["Вид", "Kind"],
    ["Редакция", "Edition"],
    ["Подан", "Requested"],
  ],
  row: (r) => [
    html`${r.partnerName}`,
    html`${r.kind === "downgrade" ? bi("смена редакции", "downgrade") : bi("свой сайт", "own site")}`,
    html`${r.fromEditionCode ? `${r.fromEditionCode} → ` : ""}${r.editionCode}`,
    html`${ruDate(r.requestedAt)}`,
  ],
  details: (r) => html`<p>${partnerLink(r.partnerId, r.partnerName)}</p>
    ${r.siteUrl ? html`<p>${bi("Сайт", "Site")}: <a href="${r.siteUrl}" rel="noopener noreferrer">${r.siteUrl}</a></p>` : ""}
    ${eligibilityOf(r.eligibility)}`,
  decisions: [
    {
      action: "decide",
      label: ["Решение", "Decide"],
      schema: z.object({ approve: yesNo, reason }),
      fields: (_r, v, e) => html`${approveSelect(v, e)}${reasonField(v, e)}`,
      run: ({ db, clock }, p, r, d) =>
        decideNfrRequest(
          db,
          {
            requestId: r.id,
            approve: d.approve === "yes",
            reason: d.reason as string,
            moderatorId: p.userId,
          },
          { clock },
        ),
    },
  ],
});
