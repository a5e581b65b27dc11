// R7.1c–e: a partner's proposal on a lead. The cap (R7.1d) is ONE conditional UPDATE
// (proposal_count < max_proposals) in the same write batch as the insert, which runs only if that update
// changed the row (`changes() = 1`): never a read-then-write, so concurrent sends stop at exactly the cap.
import { and, eq, sql } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { emailOutbox, leads, moderationLog, proposals } from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";
import { activePlatforms } from "../competitors/platforms.ts";
import { loadMails } from "../mail-templates/store.ts";
import { competitorsNamed } from "./competitors-match.ts";
import { insertWhen } from "./gated-insert.ts";
import { proposalMail } from "./mails.ts";
import { leadPartner } from "./partners.ts";
import { visibility } from "./visibility.ts";

export const FLAGGER = "system:leads";

export async function sendProposal(
  db: Db,
  input: { leadId: string; partnerId: string; senderUserId: string; text: string },
  { clock }: { clock: Clock },
) {
  const { leadId, partnerId } = input;
  const [lead] = await db.select().from(leads).where(eq(leads.id, leadId));
  const partner = await leadPartner(db, partnerId);
  // A lead the partner may not see does not exist for it (R7.1b).
  if (
    !lead ||
    !partner ||
    lead.state === "unconfirmed" ||
    lead.state === "pending" ||
    lead.state === "rejected"
  )
    throw notFound("Заявка не найдена / No such lead.");
  if (visibility(partner, lead) === "none") throw notFound("Заявка не найдена / No such lead.");
  const now = clock.now();
  const id = crypto.randomUUID();
  const terms = competitorsNamed(input.text, await activePlatforms(db)); // R7.1e: the admins' list
  const templates = await loadMails(db);
  const inserted = sql`exists (select 1 from ${proposals} where ${proposals.id} = ${id})`;
  const results = await db.batch([
    // R7.1d: the gate.
    db.run(sql`update ${leads} set ${sql.identifier(leads.proposalCount.name)} = ${leads.proposalCount} + 1
      where ${leads.id} = ${leadId} and ${leads.state} = 'published' and ${leads.proposalCount} < ${leads.maxProposals}
      and not exists (select 1 from ${proposals} where ${proposals.leadId} = ${leadId} and ${proposals.partnerId} = ${partnerId})`),
    db.run(
      insertWhen(
        proposals,
        {
          id,
          leadId,
          partnerId,
          senderUserId: input.senderUserId,
          text: input.text,
          flagged: terms.length > 0,
          flaggedTerms: terms.length ? terms : null,
          sentAt: now,
        },
        sql`changes() = 1`,
      ),
    ),
    // R7.1c: the client hears of it by e-mail.
    db.run(
      insertWhen(
        emailOutbox,
        proposalMail(
          templates,
          lead.contactEmail,
          {
            partnerName: partner.name,
            text: input.text,
            partnerEmail: partner.leadsEmail,
            partnerPhone: partner.phone,
          },
          now,
        ),
        inserted,
      ),
    ),
    // R7.1e: a competing platform named — flagged for moderators.
    ...(terms.length
      ? [
          db.run(
            insertWhen(
              moderationLog,
              {
                actorUserId: FLAGGER,
                at: now,
                action: "proposal.flagged",
                targetType: "proposal",
                targetId: id,
                reason: `Конкурирующие платформы / Competing platforms: ${terms.join(", ")}`,
              },
              inserted,
            ),
          ),
        ]
      : []),
  ]);
  if ((results[1] as { rowsAffected: number }).rowsAffected !== 1) {
    const [own] = await db
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.leadId, leadId), eq(proposals.partnerId, partnerId)));
    if (own)
      throw conflict(
        "Ваше предложение по этой заявке уже отправлено / Your proposal for this lead was already sent.",
      );
    const [now2] = await db.select().from(leads).where(eq(leads.id, leadId));
    if (now2?.state !== "published") throw conflict("Заявка закрыта / The lead is closed.");
    throw conflict(
      `Клиент уже получил максимум предложений (${now2.maxProposals}) / The client has received the maximum of ${now2.maxProposals} proposals.`,
    );
  }
  return {
    id,
    leadId,
    partnerId,
    flagged: terms.length > 0,
    sentAt: now.toISOString(),
    // R7.1c: after sending, the client's contacts.
    contacts: {
      name: lead.contactName,
      email: lead.contactEmail,
      phone: lead.contactPhone,
      extra: lead.extraContacts,
    },
  };
}
