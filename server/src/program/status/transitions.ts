// Writes status transitions in batched statements: the partner's state, the history (status_changes,
// status_terms), the status NFR keys (R6.1) and the e-mail (R2.5). Used by the event path (one
// transition), the daily recompute (many) and the seed's replay (past ones, no mail).

import {
  type CivilDate,
  keysToIssue,
  keysToRevoke,
  type NfrKey,
  type StatusChange,
  type StatusState,
} from "@partner-trust/rules";
import { type SQL, sql } from "drizzle-orm";
import { moscowDay, moscowMidnight } from "../../clock.ts";
import { expectChanged } from "../../db/atomic.ts";
import type { Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { loadMails } from "../mail-templates/store.ts";
import { newLicenseKey, STATUS_KEY_EDITION } from "./keys.ts";
import { statusMail } from "./mail.ts";

export type Transition = {
  partnerId: string;
  on: CivilDate;
  prev: StatusState;
  state: StatusState;
  change: StatusChange;
};

export type WriteOptions = {
  /** When the writing happens (changed_at, e-mail, revocation instants). */
  now: Date;
  /** R2.5: e-mail the main user; false for a replay of past changes. */
  mail: boolean;
};

export type WriteResult = { statements: number; mails: number; keysIssued: number; keysRevoked: number };

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** How the current term ends on each kind of change (R3.2a, R3.2b, R1.5c). */
const termOutcome = {
  upgrade: "superseded",
  renewed: "renewed",
  dropped: "dropped",
  terminated: "terminated",
} as const;

/** Statements that write transitions, and what they will write. */
export type TransitionWrites = { statements: SQL[]; result: WriteResult };

/**
 * Plans the writes of `transitions` (at most one per partner): reads the held status keys and the main
 * users, then builds batched statements — one per chunk of partners and kind of row. Each chunk's state
 * update is a compare-and-swap: it only matches partners still in their `prev` state, and a guard fails
 * the whole transaction if any did not (run it again: the state moved under us).
 */
export async function planTransitions(
  db: Writer,
  transitions: readonly Transition[],
  { now, mail }: WriteOptions,
): Promise<TransitionWrites> {
  const result: WriteResult = { statements: 0, mails: 0, keysIssued: 0, keysRevoked: 0 };
  const statements: SQL[] = [];
  if (transitions.length === 0) return { statements, result };
  const ids = transitions.map((t) => t.partnerId);
  if (new Set(ids).size !== ids.length) throw new Error("planTransitions: one transition per partner");
  const add = (statement: SQL | { getSQL(): SQL }) => {
    statements.push("getSQL" in statement ? statement.getSQL() : statement);
  };

  for (const part of chunks(transitions)) {
    const values = sql.join(
      part.map(
        (t) =>
          sql`(${t.partnerId}, ${t.state.status}, ${t.state.since}, ${t.state.until}, ${t.prev.status}, ${t.prev.since}, ${t.prev.until})`,
      ),
      sql`, `,
    );
    add(sql`update partners set status = v.column2, status_since = v.column3, status_until = v.column4
      from (values ${values}) as v
      where partners.id = v.column1 and partners.status = v.column5 and partners.status_since = v.column6
        and partners.status_until is v.column7`);
    add(expectChanged(part.length));
    add(
      db.insert(s.statusChanges).values(
        part.map((t) => ({
          partnerId: t.partnerId,
          fromStatus: t.change.from,
          toStatus: t.change.to,
          reason: t.change.reason,
          on: t.on,
          since: t.state.since,
          until: t.state.until,
          changedAt: now,
          createdAt: now,
        })),
      ),
    );
  }

  // Terms: the active one ends (how, and whether on `on`, depends on the change); a new one starts.
  const closing = new Map<string, { outcome: string; endsOn: string | null; ids: string[] }>();
  for (const t of transitions) {
    const outcome = termOutcome[t.change.reason];
    const endsOn = t.change.reason === "upgrade" || t.change.reason === "terminated" ? t.on : null;
    const key = `${outcome}|${endsOn}`;
    const group = closing.get(key) ?? { outcome, endsOn, ids: [] };
    group.ids.push(t.partnerId);
    closing.set(key, group);
  }
  for (const { outcome, endsOn, ids: group } of closing.values()) {
    for (const part of chunks(group)) {
      add(sql`update status_terms set outcome = ${outcome}, ends_on = coalesce(${endsOn}, ends_on)
        where outcome = 'active' and partner_id in (${list(part)})`);
    }
  }
  const opened = transitions
    .filter((t) => t.state.status !== "none")
    .map((t) => ({
      partnerId: t.partnerId,
      status: t.state.status,
      // A renewal continues from the anniversary; the other changes start a term on their day.
      startsOn: t.change.reason === "renewed" && t.prev.until ? t.prev.until : t.on,
      endsOn: t.state.until,
      createdAt: now,
    }));
  for (const part of chunks(opened)) add(db.insert(s.statusTerms).values(part));

  // R6.1a, R6.1c, R1.5c: revoke the keys the new status no longer allows (newest first), issue the missing ones.
  const held = new Map<string, NfrKey[]>();
  for (const part of chunks(ids)) {
    const rows = await db.all<{
      id: string;
      p: string;
      issuedOn: string | null;
      issuedAt: number | null;
    }>(sql`
      select id, partner_id as p, issued_on as issuedOn, issued_at as issuedAt from nfr_licenses
      where kind = 'status' and state = 'active' and partner_id in (${list(part)})`);
    for (const r of rows) {
      const issuedOn = r.issuedOn ?? (r.issuedAt !== null ? moscowDay(new Date(r.issuedAt)) : "0000-01-01");
      held.set(r.p, [...(held.get(r.p) ?? []), { id: r.id, issuedOn }]);
    }
  }
  const revoked = new Map<string, string[]>();
  const issued: (typeof s.nfrLicenses.$inferInsert)[] = [];
  for (const t of transitions) {
    const keys = held.get(t.partnerId) ?? [];
    const gone = keysToRevoke(keys, t.state.status);
    if (gone.length) {
      const reason = `status ${t.change.reason} ${t.change.from} → ${t.change.to} on ${t.on} (R6.1c)`;
      revoked.set(reason, [...(revoked.get(reason) ?? []), ...gone.map((k) => k.id)]);
    }
    const issuedAt = moscowDay(now) === t.on ? now : moscowMidnight(t.on);
    for (let i = keysToIssue(keys.length - gone.length, t.state.status); i > 0; i--) {
      issued.push({
        partnerId: t.partnerId,
        licenseKey: newLicenseKey(),
        kind: "status",
        editionCode: STATUS_KEY_EDITION,
        state: "active",
        issuedAt,
        issuedOn: t.on,
        createdAt: now,
      });
    }
  }
  for (const [reason, keyIds] of revoked) {
    for (const part of chunks(keyIds)) {
      add(sql`update nfr_licenses set state = 'revoked', revoked_at = ${now.getTime()}, revoke_reason = ${reason}
        where id in (${list(part)})`);
    }
    result.keysRevoked += keyIds.length;
  }
  for (const part of chunks(issued)) add(db.insert(s.nfrLicenses).values(part));
  result.keysIssued = issued.length;
  // R1.5c: termination ends every NFR license, the on-request (R6.2) and Bitrix24 (R6.3) ones too.
  const terminated = transitions.filter((t) => t.change.reason === "terminated").map((t) => t.partnerId);
  for (const part of chunks(terminated)) {
    add(sql`update nfr_licenses set state = 'revoked', revoked_at = ${now.getTime()},
      revoke_reason = 'partnership terminated (R1.5c)'
      where kind != 'status' and state in ('requested', 'active') and partner_id in (${list(part)})`);
  }

  if (mail) {
    const recipients = new Map<string, { name: string; email: string | null }>();
    for (const part of chunks(ids)) {
      const rows = await db.all<{ p: string; name: string; email: string | null }>(sql`
        select pa.id as p, pa.name as name, u.email as email from partners pa
        left join employee_links l on l.partner_id = pa.id and l.level = 'main' and l.invitation = 'accepted'
        left join user u on u.id = l.user_id
        where pa.id in (${list(part)})`);
      for (const r of rows)
        if (!recipients.get(r.p)?.email) recipients.set(r.p, { name: r.name, email: r.email });
    }
    const templates = await loadMails(db);
    const mails = transitions.flatMap((t) => {
      const to = recipients.get(t.partnerId);
      if (!to?.email) return []; // no main user to write to: the change stays in the history
      const { subject, text } = statusMail(templates, to.name, t.change, t.state, t.on);
      return [{ to: to.email, subject, text, html: null, nextAttemptAt: now, createdAt: now }];
    });
    for (const part of chunks(mails)) add(db.insert(s.emailOutbox).values(part));
    result.mails = mails.length;
  }
  result.statements = statements.length;
  return { statements, result };
}

/** Runs planned statements inside the caller's transaction. */
export async function runInTransaction(tx: Writer, statements: readonly SQL[]): Promise<void> {
  for (const statement of statements) await tx.run(statement);
}

/** Plans and writes `transitions` inside the caller's transaction. */
export async function writeTransitions(
  tx: Writer,
  transitions: readonly Transition[],
  options: WriteOptions,
): Promise<WriteResult> {
  const { statements, result } = await planTransitions(tx, transitions, options);
  await runInTransaction(tx, statements);
  return result;
}
