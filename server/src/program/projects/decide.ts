// R5.4a: the moderator's decision on a project — credit (points from the engine, R5.2, split for a joint project
// only when both partners named each other, R5.4d, credited through recordAccrual), accept for review with a
// note, or reject. Logged and mailed to the partner in the same write batch as the change; the log and the mail
// are written only when the compare-and-swap on the state changed the row (`changes()`), so a decision that lost
// a race leaves no trace.
import { jointShare, pointsForEdition } from "@partner-trust/rules";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { conflict, validationError } from "../../errors/index.ts";
import { mainUserEmailsByPartner } from "../../mail/partner.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { loadMails } from "../mail-templates/store.ts";
import { recordAccrual } from "../status/apply.ts";
import type { ProjectDeps } from "./add.ts";
import { decisionMail } from "./mail.ts";
import { editionCodes, type ProjectRow, projectOf } from "./view.ts";

export type Decision = "credit" | "accept_for_review" | "reject";
const DECIDABLE = ["draft", "under_review", "accepted_for_review"] as const;
const stateFor = {
  credit: "credited",
  accept_for_review: "accepted_for_review",
  reject: "rejected",
} as const;

/** R5.4d: each partner's share — the adder holds the client contract unless the row says otherwise. */
export function sharesOf(p: ProjectRow, points: number): { partnerId: string; points: number }[] {
  if (!p.coDeveloperId || !p.coDeveloperConfirmedAt) return [{ partnerId: p.partnerId, points }];
  return [
    { partnerId: p.partnerId, points: jointShare(points, p.holdsClientContract) },
    { partnerId: p.coDeveloperId, points: jointShare(points, !p.holdsClientContract) },
  ];
}

/** An INSERT that happens only when the statement before it in the batch changed exactly one row. */
function afterChange(table: string, values: Record<string, string | number>): SQL {
  const cols = Object.keys(values).map((c) => sql.identifier(c));
  const vals = Object.values(values).map((v) => sql`${v}`);
  return sql`INSERT INTO ${sql.identifier(table)} (${sql.join(cols, sql`, `)}) SELECT ${sql.join(vals, sql`, `)} WHERE changes() = 1`;
}

export async function decideProject(
  deps: ProjectDeps,
  moderatorId: string,
  projectId: string,
  decision: Decision,
  note: string | undefined,
) {
  const { db, clock } = deps;
  if (decision !== "credit" && !note)
    throw validationError([
      { path: "note", message: "Нужна заметка модератора / The moderator's note is required" },
    ]);
  const p = await projectOf(db, projectId);
  if (!(DECIDABLE as readonly string[]).includes(p.state))
    throw conflict(`Проект уже ${p.state}, решение принято / The project is ${p.state}: already decided.`);
  const now = clock.now();
  const to = stateFor[decision];

  let shares: { partnerId: string; points: number }[] = [];
  if (decision === "credit") {
    const code = p.editionId ? (await editionCodes(db)).get(p.editionId) : undefined;
    if (!code) throw conflict("У проекта нет редакции / The project has no edition.");
    shares = sharesOf(p, pointsForEdition(await loadCatalogue(db), code));
  }
  const own = shares.find((x) => x.partnerId === p.partnerId)?.points ?? null;

  const mails = await mainUserEmailsByPartner(db, [p.partnerId, ...shares.map((x) => x.partnerId)]);
  const templates = await loadMails(db);
  const recipients = [...new Set([p.partnerId, ...shares.map((x) => x.partnerId)])].flatMap((partnerId) =>
    (mails.get(partnerId) ?? []).map((to) => ({
      to,
      ...decisionMail(
        templates,
        p,
        shares.find((x) => x.partnerId === partnerId)?.points ?? 0,
        decision,
        note,
      ),
    })),
  );
  const update = db
    .update(s.projects)
    .set({
      state: to,
      moderatorNote: note ?? p.moderatorNote,
      decidedBy: moderatorId,
      decidedAt: now,
      updatedAt: now,
      ...(decision === "credit" && { points: own, creditedAt: now }),
    })
    .where(and(eq(s.projects.id, projectId), inArray(s.projects.state, [...DECIDABLE])));
  const ms = now.getTime();
  const [updated] = await db.batch([
    update.returning({ id: s.projects.id }),
    db.run(
      afterChange("moderation_log", {
        id: crypto.randomUUID(),
        actor_user_id: moderatorId,
        at: ms,
        action: `project.${decision}`,
        target_type: "project",
        target_id: projectId,
        reason: note ?? "",
      }),
    ),
    ...recipients.map((m) =>
      db.run(
        afterChange("email_outbox", {
          id: crypto.randomUUID(),
          to: m.to,
          subject: m.subject,
          text: m.text,
          state: "pending",
          attempts: 0,
          next_attempt_at: ms,
          created_at: ms,
        }),
      ),
    ),
  ]);
  if (updated.length === 0) throw conflict("Проект уже рассмотрен / The project has already been decided.");

  // R5.2, R5.4c–e: the points, on today's Moscow day, through the one way points change (status applied at once).
  const day = moscowDay(now);
  for (const share of shares) {
    if (share.points <= 0) continue;
    await recordAccrual(
      db,
      {
        partnerId: share.partnerId,
        day,
        points: share.points,
        sourceType: share.partnerId === p.partnerId ? "project" : "joint_project",
        sourceId: projectId,
      },
      { clock },
    );
  }
  return { id: projectId, state: to, points: own, shares };
}
