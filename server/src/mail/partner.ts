// E-mails through the outbox as statements for the caller's write batch: the one outbox row shape, and the
// addresses of a partner's main user(s).
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Writer } from "../db/client.ts";
import { emailOutbox, employeeLinks, user } from "../db/schema/index.ts";

/** A mail's content (Russian first, then English, as its builder wrote it). */
export type MailText = { subject: string; text: string };

/** The accepted main users' addresses of each of the partners (R4E.2: the main user sees everything). */
export async function mainUserEmailsByPartner(
  db: Writer,
  partnerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ partnerId: employeeLinks.partnerId, email: user.email })
    .from(employeeLinks)
    .innerJoin(user, eq(user.id, employeeLinks.userId))
    .where(
      and(
        inArray(employeeLinks.partnerId, [...partnerIds]),
        eq(employeeLinks.level, "main"),
        eq(employeeLinks.invitation, "accepted"),
      ),
    );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.partnerId, [...(out.get(r.partnerId) ?? []), r.email]);
  return out;
}

/** The partner's accepted main users' addresses. */
export async function mainUserEmails(db: Writer, partnerId: string): Promise<string[]> {
  return (await mainUserEmailsByPartner(db, [partnerId])).get(partnerId) ?? [];
}

/** The outbox row of one mail to one address, due at once (for inserts the caller builds itself). */
export const outboxRow = (to: string, mail: MailText, now: Date): typeof emailOutbox.$inferInsert => ({
  id: crypto.randomUUID(),
  to,
  subject: mail.subject,
  text: mail.text,
  html: null,
  nextAttemptAt: now,
  createdAt: now,
});

/** The outbox insert of one mail to one address, due at once. */
export const mailStatement = (db: Writer, to: string, mail: MailText, now: Date): SQL =>
  db
    .insert(emailOutbox)
    .values(outboxRow(to, mail, now))
    .getSQL();

/** Outbox inserts of one mail to each address (none when the partner has no main user to write to). */
export const mailStatements = (db: Writer, to: readonly string[], mail: MailText, now: Date): SQL[] =>
  to.map((address) => mailStatement(db, address, mail, now));
