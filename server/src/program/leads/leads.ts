// R7.1a: a client's lead — posted (signed in, or anonymous and confirmed by e-mail), moderated, then
// published and pushed to the partners R7.1b entitles (the engine's `leadAccess`).
import { leadAccess } from "@partner-trust/rules";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { emailOutbox, leads, moderationLog, partners } from "../../db/schema/index.ts";
import { conflict, notFound, validationError } from "../../errors/index.ts";
import { cityKey, knownCity } from "../cities/normalize.ts";
import { loadMails } from "../mail-templates/store.ts";
import { insertWhen } from "./gated-insert.ts";
import { confirmationMail, leadDecisionMail, leadPushMail } from "./mails.ts";
import { leadPartners } from "./partners.ts";
import { CONFIRMATION_TTL_MS, signLeadToken, verifyLeadToken } from "./token.ts";

export type Lead = typeof leads.$inferSelect;

export type LeadInput = {
  description: string;
  budgetRub?: number | undefined;
  contactName: string;
  contactEmail: string;
  contactPhone?: string | undefined;
  extraContacts?: string | undefined;
  city: string;
  maxProposals: number;
};

type Ctx = { clock: Clock; secret: string; publicUrl: string };

/** The lead's columns from the client's input, for every way a lead is written (posted, a phone-day call). */
export const leadColumns = (input: Omit<LeadInput, "maxProposals">) => ({
  description: input.description,
  budgetRub: input.budgetRub ?? null,
  contactName: input.contactName,
  contactEmail: input.contactEmail,
  contactPhone: input.contactPhone ?? null,
  extraContacts: input.extraContacts ?? null,
  // A known city is stored under its canonical name; the key matches every spelling (R7.1b).
  city: knownCity(input.city) ?? input.city.trim(),
  cityKey: cityKey(input.city),
});

/** What clients, partners and moderators see of a lead (never its contacts). */
export const leadView = (l: Lead) => ({
  id: l.id,
  description: l.description,
  budgetRub: l.budgetRub,
  city: l.city,
  maxProposals: l.maxProposals,
  proposalCount: l.proposalCount,
  state: l.state,
  createdAt: l.createdAt.toISOString(),
  publishedAt: l.publishedAt?.toISOString() ?? null,
});

/** R7.1a: a signed-in client's lead goes to moderation; an anonymous one waits for its e-mail confirmation. */
export async function postLead(db: Db, input: LeadInput, clientUserId: string | null, ctx: Ctx) {
  const now = ctx.clock.now();
  const id = crypto.randomUUID();
  const state = clientUserId ? ("pending" as const) : ("unconfirmed" as const);
  const row = {
    id,
    clientUserId,
    ...leadColumns(input),
    maxProposals: input.maxProposals,
    state,
    confirmedAt: clientUserId ? now : null,
    createdAt: now,
  };
  if (clientUserId) {
    await db.insert(leads).values(row);
  } else {
    const token = signLeadToken(ctx.secret, id, new Date(now.getTime() + CONFIRMATION_TTL_MS));
    const templates = await loadMails(db);
    await db.batch([
      db.insert(leads).values(row),
      db
        .insert(emailOutbox)
        .values(confirmationMail(templates, input.contactEmail, token, ctx.publicUrl, now)),
    ]);
  }
  return { id, state, city: row.city };
}

/** R7.1a: the confirmation link, once: `unconfirmed` → `pending` in one conditional update. */
export async function confirmLead(db: Db, token: string, ctx: Ctx) {
  const now = ctx.clock.now();
  const check = verifyLeadToken(ctx.secret, token, now);
  if (!check.ok)
    throw validationError([
      {
        path: "token",
        message:
          check.reason === "expired"
            ? "Срок кода истёк, оставьте заявку заново / The token has expired, post the request again"
            : "Неверный код подтверждения / Invalid confirmation token",
      },
    ]);
  const done = await db
    .update(leads)
    .set({ state: "pending", confirmedAt: now })
    .where(and(eq(leads.id, check.leadId), eq(leads.state, "unconfirmed")))
    .returning({ id: leads.id });
  if (done.length === 0) {
    const [lead] = await db.select({ id: leads.id }).from(leads).where(eq(leads.id, check.leadId));
    if (!lead) throw notFound("Заявка не найдена / No such lead.");
    throw conflict("Заявка уже подтверждена / The request is already confirmed.");
  }
  return { id: check.leadId, state: "pending" as const };
}

/** Moderators' queue: leads awaiting moderation, oldest first. */
export async function pendingLeads(db: Db) {
  return db.select().from(leads).where(eq(leads.state, "pending")).orderBy(asc(leads.createdAt));
}

/**
 * R7.1a–b: publish (and push by e-mail to every partner the engine's `leadAccess` says `pushed`: Gold all,
 * Certified its own city; Business nothing) or reject. The decision, its log entry and every e-mail are one
 * write batch, each write gated on the lead still being pending.
 */
export async function decideLead(
  db: Db,
  leadId: string,
  decision: { publish: boolean; reason: string | null; actorUserId: string },
  ctx: Ctx,
) {
  const [lead] = await db.select().from(leads).where(eq(leads.id, leadId));
  if (!lead) throw notFound("Заявка не найдена / No such lead.");
  if (lead.state !== "pending")
    throw conflict(`Заявка не ожидает модерации (${lead.state}) / The lead is not awaiting moderation.`);
  const now = ctx.clock.now();
  const state = decision.publish ? ("published" as const) : ("rejected" as const);
  // The decision's own marker: the writes after it happen only if THIS decision took the lead.
  const mine = sql`exists (select 1 from ${leads} where ${leads.id} = ${leadId} and ${leads.state} = ${state}
    and ${leads.decidedBy} = ${decision.actorUserId} and ${leads.decidedAt} = ${now.getTime()})`;
  const recipients = decision.publish
    ? (await leadPartners(db, inArray(partners.status, ["gold", "certified"]))).filter(
        (p) => p.leadsEmail && leadAccess(p.status, p.cityKey, lead.cityKey) === "pushed",
      )
    : [];
  const templates = await loadMails(db);
  const results = await db.batch([
    db
      .update(leads)
      .set({
        state,
        decidedBy: decision.actorUserId,
        decidedAt: now,
        moderatorNote: decision.reason,
        ...(decision.publish ? { publishedAt: now } : {}),
      })
      .where(and(eq(leads.id, leadId), eq(leads.state, "pending"))),
    db.run(
      insertWhen(
        moderationLog,
        {
          actorUserId: decision.actorUserId,
          at: now,
          action: decision.publish ? "lead.publish" : "lead.reject",
          targetType: "lead",
          targetId: leadId,
          reason: decision.reason,
        },
        mine,
      ),
    ),
    db.run(
      insertWhen(
        emailOutbox,
        leadDecisionMail(templates, lead.contactEmail, decision.publish, decision.reason, now),
        mine,
      ),
    ),
    ...recipients.map((p) =>
      db.run(
        insertWhen(emailOutbox, leadPushMail(templates, p.leadsEmail!, p.id, lead, ctx.publicUrl, now), mine),
      ),
    ),
  ]);
  const updated = (results[0] as { rowsAffected: number }).rowsAffected;
  if (updated !== 1) throw conflict("Заявку уже рассмотрели / The lead was decided meanwhile.");
  return { id: leadId, state, pushedTo: recipients.map((p) => p.id) };
}
