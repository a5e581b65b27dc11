// R4E.1–7: a partner's employee links — invitation, the user's answer, changes of level and flags,
// detachment (R4C.1) — each with its history row and e-mail in one write batch.

import { and, asc, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import { mayGrant } from "../../auth/rights.ts";
import { type Clock, moscowDay } from "../../clock.ts";
import { expectChanged, writeOrConflict } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { AppError, conflict, forbidden, noSuchPartner, notFound } from "../../errors/index.ts";
import { mailStatement } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { applyStatus } from "../status/apply.ts";
import { detachedMail, invitationMail, levelEn, levelRu } from "./mail.ts";

export type EmployeeLink = typeof s.employeeLinks.$inferSelect;
export type Flags = { marketplace: boolean; leads: boolean };
/** Who acts on a partner's links: an accepted employee of that partner at `level`. */
export type Granter = { userId: string; name: string; level: s.EmployeeLevel; now: Date };

/** The link's history row, copying its state as the batch's earlier statements left it. */
export const linkEvent = (
  linkId: string,
  actorUserId: string,
  at: Date,
  action: (typeof s.employeeLinkActions)[number],
): SQL => sql`insert into employee_link_events
    (id, link_id, partner_id, actor_user_id, at, action, level, marketplace, leads)
  select ${crypto.randomUUID()}, id, partner_id, ${actorUserId}, ${at.getTime()}, ${action}, level, marketplace, leads
  from employee_links where id = ${linkId}`;

/** R4E.1: only a user who has signed up can be added; 404 naming the e-mail otherwise. */
export async function userByEmail(db: Db, email: string) {
  const [u] = await db
    .select({ id: s.user.id, email: s.user.email, name: s.user.name })
    .from(s.user)
    .where(sql`lower(${s.user.email}) = lower(${email})`);
  if (!u) {
    const message = `Пользователь ${email} не зарегистрирован. / No user has signed up with ${email}.`;
    throw new AppError("notFound", message, [{ path: "email", message }]);
  }
  return u;
}

export async function partnerOf(db: Db, partnerId: string) {
  const [p] = await db.select().from(s.partners).where(eq(s.partners.id, partnerId));
  if (!p) throw noSuchPartner();
  return p;
}

function mayNotGrant(level: s.EmployeeLevel) {
  return forbidden(
    `Вы не можете выдать или изменить уровень «${levelRu[level]}»: полные права выдаёт только главный пользователь, ` +
      `главного пользователя меняет администратор (R4E.2–3). / You may not grant or change ${levelEn[level]}: ` +
      `only the main user grants full rights, only an admin changes the main user (R4E.2–3).`,
  );
}

/** The partner's links with their users (detached and declined ones stay listed: nothing is deleted). */
export async function listEmployees(db: Db, partnerId: string) {
  return db
    .select({
      id: s.employeeLinks.id,
      userId: s.employeeLinks.userId,
      email: s.user.email,
      name: s.user.name,
      level: s.employeeLinks.level,
      marketplace: s.employeeLinks.marketplace,
      leads: s.employeeLinks.leads,
      invitation: s.employeeLinks.invitation,
      invitedAt: s.employeeLinks.invitedAt,
      respondedAt: s.employeeLinks.respondedAt,
      detachedAt: s.employeeLinks.detachedAt,
    })
    .from(s.employeeLinks)
    .innerJoin(s.user, eq(s.user.id, s.employeeLinks.userId))
    .where(eq(s.employeeLinks.partnerId, partnerId))
    .orderBy(asc(s.employeeLinks.invitedAt), asc(s.employeeLinks.id));
}
export type EmployeeView = Awaited<ReturnType<typeof listEmployees>>[number];

async function employeeView(db: Db, partnerId: string, linkId: string): Promise<EmployeeView> {
  const found = (await listEmployees(db, partnerId)).find((e) => e.id === linkId);
  if (!found) throw notFound("Сотрудник не найден. / No such employee.");
  return found;
}

async function linkOf(db: Db, partnerId: string, linkId: string): Promise<EmployeeLink> {
  const [link] = await db
    .select()
    .from(s.employeeLinks)
    .where(and(eq(s.employeeLinks.id, linkId), eq(s.employeeLinks.partnerId, partnerId)));
  if (!link) throw notFound("Сотрудник не найден. / No such employee.");
  return link;
}

/** The guarded update's condition: the link is still as we read it. */
const unchanged = (link: EmployeeLink) =>
  and(
    eq(s.employeeLinks.id, link.id),
    eq(s.employeeLinks.invitation, link.invitation),
    eq(s.employeeLinks.level, link.level),
    eq(s.employeeLinks.marketplace, link.marketplace),
    eq(s.employeeLinks.leads, link.leads),
  );

/**
 * R4E.1–3: adds a signed-up user as a pending employee (access only after they accept) and e-mails them.
 * A declined or detached user may be invited again: the same link starts over (its history stays).
 */
export async function inviteEmployee(
  db: Db,
  partnerId: string,
  input: Flags & { email: string; level: s.EmployeeLevel },
  by: Granter,
): Promise<EmployeeView> {
  if (!mayGrant(by.level, input.level)) throw mayNotGrant(input.level);
  const partner = await partnerOf(db, partnerId);
  if (partner.terminatedAt && partner.terminatedAt <= by.now)
    throw conflict("Партнёрство прекращено. / The partnership has ended.");
  const invitee = await userByEmail(db, input.email);
  const [existing] = await db
    .select()
    .from(s.employeeLinks)
    .where(and(eq(s.employeeLinks.partnerId, partnerId), eq(s.employeeLinks.userId, invitee.id)));
  const taken =
    "Этот пользователь уже сотрудник или приглашён. / This user is already an employee or invited.";
  if (existing && (existing.invitation === "pending" || existing.invitation === "accepted"))
    throw conflict(taken);
  const values = {
    level: input.level,
    marketplace: input.marketplace,
    leads: input.leads,
    invitation: "pending" as const,
    invitedBy: by.userId,
    invitedAt: by.now,
    respondedAt: null,
    detachedAt: null,
    detachedBy: null,
  };
  const id = existing?.id ?? crypto.randomUUID();
  const mails = await loadMails(db);
  const write = existing
    ? [db.update(s.employeeLinks).set(values).where(unchanged(existing)).getSQL(), expectChanged()]
    : [
        db
          .insert(s.employeeLinks)
          .values({ id, partnerId, userId: invitee.id, ...values })
          .getSQL(),
      ];
  await writeOrConflict(
    db,
    [
      ...write,
      linkEvent(id, by.userId, by.now, "invited"),
      mailStatement(db, invitee.email, invitationMail(mails, partner.name, by.name, input), by.now),
    ],
    taken,
  );
  return employeeView(db, partnerId, id);
}

/** R4E.2–3: a new level or flags — only for a link whose level the caller may grant, to a level they may grant. */
export async function changeEmployee(
  db: Db,
  partnerId: string,
  linkId: string,
  patch: Partial<Flags> & { level?: s.EmployeeLevel | undefined },
  by: Granter,
): Promise<EmployeeView> {
  const link = await linkOf(db, partnerId, linkId);
  if (!mayGrant(by.level, link.level)) throw mayNotGrant(link.level);
  const level = patch.level ?? link.level;
  if (!mayGrant(by.level, level)) throw mayNotGrant(level);
  if (link.invitation === "detached" || link.invitation === "declined")
    throw conflict(
      `Связь в состоянии ${link.invitation}: пригласите заново. / The link is ${link.invitation}: invite again.`,
    );
  const next = {
    level,
    marketplace: patch.marketplace ?? link.marketplace,
    leads: patch.leads ?? link.leads,
  };
  await writeOrConflict(
    db,
    [
      db.update(s.employeeLinks).set(next).where(unchanged(link)).getSQL(),
      expectChanged(),
      linkEvent(link.id, by.userId, by.now, "changed"),
    ],
    "Сотрудника изменили одновременно с вами. / The employee was changed meanwhile.",
  );
  return employeeView(db, partnerId, link.id);
}

/**
 * R4E, R4C.1: detaches an employee (or withdraws a pending invitation): access ends, their certificates stop
 * counting, and the status is re-evaluated at once (R3.2a: a granted status is never lowered within its term).
 */
export async function detachEmployee(
  db: Db,
  partnerId: string,
  linkId: string,
  by: Granter,
  clock: Clock,
): Promise<EmployeeView> {
  const link = await linkOf(db, partnerId, linkId);
  if (!mayGrant(by.level, link.level)) throw mayNotGrant(link.level);
  if (link.invitation === "detached" || link.invitation === "declined")
    throw conflict(`Связь уже в состоянии ${link.invitation}. / The link is already ${link.invitation}.`);
  const partner = await partnerOf(db, partnerId);
  const [u] = await db.select({ email: s.user.email }).from(s.user).where(eq(s.user.id, link.userId));
  const mails = await loadMails(db);
  await writeOrConflict(
    db,
    [
      db
        .update(s.employeeLinks)
        .set({ invitation: "detached", detachedAt: by.now, detachedBy: by.userId })
        .where(unchanged(link))
        .getSQL(),
      expectChanged(),
      linkEvent(link.id, by.userId, by.now, "detached"),
      ...(u ? [mailStatement(db, u.email, detachedMail(mails, partner.name), by.now)] : []),
    ],
    "Сотрудника изменили одновременно с вами. / The employee was changed meanwhile.",
  );
  await applyStatus(db, partnerId, moscowDay(by.now), { clock });
  return employeeView(db, partnerId, link.id);
}

/** R4E.1: the signed-in user's pending invitations (partners still in the program). */
export async function invitationsOf(db: Db, userId: string, now: Date) {
  return db
    .select({
      id: s.employeeLinks.id,
      partnerId: s.employeeLinks.partnerId,
      partnerName: s.partners.name,
      level: s.employeeLinks.level,
      marketplace: s.employeeLinks.marketplace,
      leads: s.employeeLinks.leads,
      invitedAt: s.employeeLinks.invitedAt,
    })
    .from(s.employeeLinks)
    .innerJoin(s.partners, eq(s.partners.id, s.employeeLinks.partnerId))
    .where(
      and(
        eq(s.employeeLinks.userId, userId),
        eq(s.employeeLinks.invitation, "pending"),
        or(isNull(s.partners.terminatedAt), gt(s.partners.terminatedAt, now)),
      ),
    )
    .orderBy(asc(s.employeeLinks.invitedAt));
}

/**
 * R4E.1: the invited user accepts (access from now on; their certificates count, which may raise the
 * status at once, R2.5) or declines. Only the invited user answers, once.
 */
export async function answerInvitation(
  db: Db,
  linkId: string,
  answer: "accepted" | "declined",
  by: { userId: string; now: Date },
  clock: Clock,
) {
  const [link] = await db.select().from(s.employeeLinks).where(eq(s.employeeLinks.id, linkId));
  if (!link) throw notFound("Приглашение не найдено. / No such invitation.");
  if (link.userId !== by.userId)
    throw forbidden("Приглашение адресовано другому пользователю. / The invitation is for another user.");
  if (link.invitation !== "pending")
    throw conflict(
      `Приглашение уже в состоянии ${link.invitation}. / The invitation is already ${link.invitation}.`,
    );
  await writeOrConflict(
    db,
    [
      db
        .update(s.employeeLinks)
        .set({ invitation: answer, respondedAt: by.now })
        .where(unchanged(link))
        .getSQL(),
      expectChanged(),
      linkEvent(link.id, by.userId, by.now, answer),
    ],
    "Приглашение изменилось одновременно с ответом. / The invitation changed meanwhile.",
  );
  const status =
    answer === "accepted" ? await applyStatus(db, link.partnerId, moscowDay(by.now), { clock }) : null;
  return { id: link.id, partnerId: link.partnerId, invitation: answer, status: status?.state.status ?? null };
}
