// Issue 10: the e-mail templates through the API (admins): read them with their placeholders, change a wording
// (checked: known placeholders, the required ones kept, valid Mustache), reset it, preview one with the
// template's examples. The same program/mail-templates/store.ts functions as the /admin/mail-templates page.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { validationError } from "../../errors/index.ts";
import { checkWording, examples, renderMail } from "../../mail/template.ts";
import {
  listTemplates,
  resetWording,
  saveWording,
  type TemplateView,
  templateOf,
} from "../../program/mail-templates/store.ts";
import { actorAt, json, jsonBody, pathId } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const Bi = z.object({ ru: z.string(), en: z.string() });
const WordingSchema = z
  .object({
    subject: z.string().openapi({ description: "Mustache, one line" }),
    text: z.string().openapi({ description: "Mustache: {{name}}, {{#name}}…{{/name}}, {{^name}}…{{/name}}" }),
  })
  .openapi("MailWording");

const TemplateSchema = z
  .object({
    key: z.string(),
    title: Bi,
    rule: z.string(),
    vars: z.array(
      z.object({
        name: z.string(),
        about: Bi,
        example: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      }),
    ),
    required: z.array(z.string()).openapi({ description: "Placeholders an edit may not drop" }),
    subject: z.string().openapi({ description: "The subject in force" }),
    text: z.string().openapi({ description: "The text in force" }),
    default: WordingSchema,
    edited: z.object({ at: z.string(), by: z.string() }).nullable(),
  })
  .openapi("MailTemplate");

const out = (t: TemplateView) => ({
  key: t.key,
  title: { ru: t.title[0], en: t.title[1] },
  rule: t.rule,
  vars: Object.entries(t.vars).map(([name, v]) => ({
    name,
    about: { ru: v.about[0], en: v.about[1] },
    example: v.example,
  })),
  required: [...(t.required ?? [])],
  subject: t.wording.subject,
  text: t.wording.text,
  default: { subject: t.subject, text: t.text },
  edited: t.edited && { at: t.edited.at.toISOString(), by: t.edited.by },
});

const params = z.object({ key: pathId("key") });
const admin = { security: [{ session: [] }], tags: ["admin"] };

const list = createRoute({
  ...admin,
  method: "get",
  path: "/admin/mail-templates",
  summary: "Every e-mail template with its placeholders, the wording in force and the default (issue 10)",
  responses: { 200: json(z.object({ items: z.array(TemplateSchema) })), ...problems(401, 403) },
});
const save = createRoute({
  ...admin,
  method: "put",
  path: "/admin/mail-templates/{key}",
  summary:
    "Change a template's wording (422 naming subject/text when it does not check; the default = reset)",
  request: { params, ...jsonBody(WordingSchema) },
  responses: { 200: json(TemplateSchema), ...problems(401, 403, 404, 422) },
});
const reset = createRoute({
  ...admin,
  method: "delete",
  path: "/admin/mail-templates/{key}",
  summary: "Back to the template's default wording",
  request: { params },
  responses: { 200: json(TemplateSchema), ...problems(401, 403, 404) },
});
const preview = createRoute({
  ...admin,
  method: "post",
  path: "/admin/mail-templates/{key}/preview",
  summary: "A wording rendered with the template's example values (checked as a change is; nothing saved)",
  request: { params, ...jsonBody(WordingSchema) },
  responses: { 200: json(WordingSchema, "The rendered mail"), ...problems(401, 403, 404, 422) },
});

export function mailTemplateRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(list, async (c) => c.json({ items: (await listTemplates(db)).map(out) }, 200))
    .openapi(save, async (c) =>
      c.json(
        out(
          await saveWording(
            db,
            c.req.valid("param").key,
            c.req.valid("json"),
            actorAt(c.get("principal"), clock),
          ),
        ),
        200,
      ),
    )
    .openapi(reset, async (c) =>
      c.json(out(await resetWording(db, c.req.valid("param").key, actorAt(c.get("principal"), clock))), 200),
    )
    .openapi(preview, async (c) => {
      const t = templateOf(c.req.valid("param").key);
      const wording = c.req.valid("json");
      const issues = checkWording(t, wording);
      if (issues.length) throw validationError(issues);
      return c.json(renderMail(t, examples(t), wording), 200);
    });
}
