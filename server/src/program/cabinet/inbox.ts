// R2.6: what the partner cabinet lists besides the standing — changes still waiting (card versions for the
// moderators, R1.4c; registered domains not yet verified, W1) and the e-mails the program sent its users.
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardVersions, emailOutbox, employeeLinks, registeredDomains, user } from "../../db/schema/index.ts";
import { diffCards, latestIn } from "../cards/versions.ts";

export async function pendingChanges(db: Db, partnerId: string) {
  const versions = await db
    .select()
    .from(cardVersions)
    .where(eq(cardVersions.partnerId, partnerId))
    .orderBy(desc(cardVersions.version));
  const approved = latestIn([...versions].reverse(), "approved");
  const domains = await db
    .select()
    .from(registeredDomains)
    .where(
      and(
        eq(registeredDomains.partnerId, partnerId),
        ne(registeredDomains.verification, "verified"),
        isNull(registeredDomains.removedAt),
      ),
    )
    .orderBy(desc(registeredDomains.createdAt));
  return {
    cardVersions: versions
      .filter((v) => v.state === "pending")
      .map((v) => ({
        id: v.id,
        version: v.version,
        submittedAt: v.submittedAt.toISOString(),
        fields: diffCards(approved, v).map((d) => d.field),
      })),
    domains: domains.map((d) => ({
      host: d.host,
      verification: d.verification as "pending" | "failed",
      createdAt: d.createdAt.toISOString(),
    })),
  };
}

/** The outbox e-mails to the partner's attached users (accepted links), newest first. */
export async function notifications(db: Db, partnerId: string, limit: number) {
  const users = await db
    .select({ email: user.email })
    .from(employeeLinks)
    .innerJoin(user, eq(user.id, employeeLinks.userId))
    .where(and(eq(employeeLinks.partnerId, partnerId), eq(employeeLinks.invitation, "accepted")));
  if (users.length === 0) return [];
  const rows = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      state: emailOutbox.state,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.to, [...new Set(users.map((u) => u.email))]))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
