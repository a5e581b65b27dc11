// Issue 10: the e-mail templates admins edit. A mail is rendered from the admins' wording of its template when
// there is one (table mail_templates), else from the module's default. Saving checks the wording
// (mail/template.ts checkWording); saving the default text back, or a reset, removes the row. Every change and
// its moderation_log entry are one write batch.
import { eq } from "drizzle-orm";
import type { Db, Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { notFound, validationError } from "../../errors/index.ts";
import type { MailText } from "../../mail/partner.ts";
import {
  checkWording,
  type MailTemplate,
  renderMail,
  type VarValue,
  type Wording,
} from "../../mail/template.ts";
import { mailCatalogue } from "./catalogue.ts";

export type By = { userId: string; now: Date };

/** Renders mails in the wording in force when it was loaded. */
export type Mails = {
  render<V extends string>(template: MailTemplate<V>, view: Record<V, VarValue>): MailText;
};

/** The admins' edits by template key (one read). */
const editsOf = async (db: Writer) =>
  new Map((await db.select().from(s.mailTemplates)).map((r) => [r.key, r]));

/** The wording in force of every template (one read), for the mails of one write. */
export async function loadMails(db: Writer): Promise<Mails> {
  const edited = await editsOf(db);
  return { render: (template, view) => renderMail(template, view, edited.get(template.key) ?? template) };
}

export type TemplateView = MailTemplate & {
  /** The wording in force. */
  wording: Wording;
  edited: { at: Date; by: string } | null;
};

/** Every template with its wording in force, in catalogue order. */
export async function listTemplates(db: Db): Promise<TemplateView[]> {
  const edited = await editsOf(db);
  return mailCatalogue.map((t) => {
    const row = edited.get(t.key);
    return {
      ...t,
      wording: row ? { subject: row.subject, text: row.text } : { subject: t.subject, text: t.text },
      edited: row ? { at: row.updatedAt, by: row.updatedBy } : null,
    };
  });
}

export function templateOf(key: string): MailTemplate {
  const t = mailCatalogue.find((x) => x.key === key);
  if (!t) throw notFound("Нет такого шаблона письма / No such e-mail template.");
  return t;
}

const log = (db: Db, by: By, action: string, key: string, reason: string) =>
  db.insert(s.moderationLog).values({
    actorUserId: by.userId,
    at: by.now,
    action,
    targetType: "mail_template",
    targetId: key,
    reason,
  });

/** Saves an admin's wording (422 naming subject/text when it does not check); the default text is a reset. */
export async function saveWording(db: Db, key: string, wording: Wording, by: By): Promise<TemplateView> {
  const t = templateOf(key);
  const issues = checkWording(t, wording);
  if (issues.length) throw validationError(issues);
  if (wording.subject === t.subject && wording.text === t.text) return resetWording(db, key, by);
  const row = { key, ...wording, updatedAt: by.now, updatedBy: by.userId };
  await db.batch([
    db.insert(s.mailTemplates).values(row).onConflictDoUpdate({ target: s.mailTemplates.key, set: row }),
    log(db, by, "mail_template.edit", key, `${wording.subject}\n\n${wording.text}`),
  ]);
  return { ...t, wording, edited: { at: by.now, by: by.userId } };
}

/** Back to the module's default wording (nothing logged when it was not edited). */
export async function resetWording(db: Db, key: string, by: By): Promise<TemplateView> {
  const t = templateOf(key);
  const [row] = await db.select().from(s.mailTemplates).where(eq(s.mailTemplates.key, key));
  if (row)
    await db.batch([
      db.delete(s.mailTemplates).where(eq(s.mailTemplates.key, key)),
      log(db, by, "mail_template.reset", key, t.subject),
    ]);
  return { ...t, wording: { subject: t.subject, text: t.text }, edited: null };
}
