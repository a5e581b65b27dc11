// E-mails to a partner: its main user(s), through the outbox, as statements for the caller's write batch.
import { and, eq, type SQL } from "drizzle-orm";
import type { Writer } from "../db/client.ts";
import { emailOutbox, employeeLinks, user } from "../db/schema/index.ts";

/** The partner's accepted main users' addresses (R4E.2: the main user sees everything). */
export async function mainUserEmails(db: Writer, partnerId: string): Promise<string[]> {
  const rows = await db
    .select({ email: user.email })
    .from(employeeLinks)
    .innerJoin(user, eq(user.id, employeeLinks.userId))
    .where(
      and(
        eq(employeeLinks.partnerId, partnerId),
        eq(employeeLinks.level, "main"),
        eq(employeeLinks.invitation, "accepted"),
      ),
    );
  return rows.map((r) => r.email);
}

/** Outbox inserts of one mail to each address (none when the partner has no main user to write to). */
export function mailStatements(
  db: Writer,
  to: readonly string[],
  mail: { subject: string; text: string },
  now: Date,
): SQL[] {
  return to.map((address) =>
    db
      .insert(emailOutbox)
      .values({
        to: address,
        subject: mail.subject,
        text: mail.text,
        html: null,
        nextAttemptAt: now,
        createdAt: now,
      })
      .getSQL(),
  );
}
