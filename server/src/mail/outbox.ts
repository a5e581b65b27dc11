// E-mail outbox: mails are written first, delivered by `deliverDue`, retried with backoff; none is lost.
import { and, asc, eq, lte } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { emailOutbox } from "../db/schema/index.ts";
import type { Mail, Transport } from "./transport.ts";

export const MAX_ATTEMPTS = 8;

/** Backoff after the n-th failed attempt: 1 min, 2, 4 … capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 6 * 60 * 60 * 1000);
}

export type Mailer = {
  transport: Transport;
  enqueue(mail: Mail): Promise<string>;
  deliverDue(limit?: number): Promise<{ sent: number; failed: number }>;
};

export function createMailer({
  db,
  transport,
  clock,
}: {
  db: Db;
  transport: Transport;
  clock: Clock;
}): Mailer {
  return {
    transport,
    async enqueue(mail) {
      const [row] = await db
        .insert(emailOutbox)
        .values({ ...mail, html: mail.html ?? null, nextAttemptAt: clock.now(), createdAt: clock.now() })
        .returning({ id: emailOutbox.id });
      return row!.id;
    },
    async deliverDue(limit = 20) {
      const now = clock.now();
      const due = await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.state, "pending"), lte(emailOutbox.nextAttemptAt, now)))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(limit);
      let sent = 0;
      let failed = 0;
      for (const mail of due) {
        const attempts = mail.attempts + 1;
        try {
          await transport.send(mail);
          await db
            .update(emailOutbox)
            .set({ state: "sent", attempts, sentAt: clock.now(), lastError: null })
            .where(eq(emailOutbox.id, mail.id));
          sent++;
        } catch (err) {
          failed++;
          await db
            .update(emailOutbox)
            .set({
              attempts,
              lastError: err instanceof Error ? err.message : String(err),
              // After MAX_ATTEMPTS the mail stays, marked failed, for a person to look at.
              state: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
              nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
            })
            .where(eq(emailOutbox.id, mail.id));
        }
      }
      return { sent, failed };
    },
  };
}
