// R5.4a: the moderators' project queue — projects in a state (drafts by default), oldest first, overdue after
// 5 working days (catalogue calendar), with the site check's evidence and the A6 mirror (R5.4k). Served by
// GET /api/v1/moderation/projects and the moderation console.
import { type CivilDate, isOverdue } from "@partner-trust/rules";
import { asc, eq, inArray } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { loadWorkCalendar } from "../phone-days/calendar.ts";
import { editionCodes, evidenceOf, projectView } from "./view.ts";

/** R5.4a: reviewed and published within 5 working days. */
export const REVIEW_WORKING_DAYS = 5;

export type QueueState = "draft" | "accepted_for_review" | "credited" | "rejected";

export async function projectQueue(db: Db, state: QueueState, { clock }: { clock: Clock }) {
  const [rows, codes, calendar] = await Promise.all([
    db
      .select({ project: s.projects, partnerName: s.partners.name })
      .from(s.projects)
      .innerJoin(s.partners, eq(s.partners.id, s.projects.partnerId))
      .where(eq(s.projects.state, state))
      .orderBy(asc(s.projects.submittedAt)),
    editionCodes(db),
    loadWorkCalendar(db),
  ]);
  const reportIds = rows.flatMap((r) => (r.project.auditReportId ? [r.project.auditReportId] : []));
  const mirrorIds = rows.flatMap((r) => (r.project.mirrorOfId ? [r.project.mirrorOfId] : []));
  const [evidence, mirrorRows] = await Promise.all([
    evidenceOf(db, reportIds),
    mirrorIds.length
      ? db
          .select({ id: s.projects.id, host: s.projects.host, partnerId: s.projects.partnerId })
          .from(s.projects)
          .where(inArray(s.projects.id, mirrorIds))
      : [],
  ]);
  const mirrors = new Map(mirrorRows.map((m) => [m.id, m]));
  const today = moscowDay(clock.now()) as CivilDate;
  return rows.map(({ project: p, partnerName }) => {
    const view = projectView(p, codes);
    const mirror = p.mirrorOfId ? mirrors.get(p.mirrorOfId) : undefined;
    return {
      ...view,
      partnerName,
      mirrorOf: view.mirrorOf && {
        ...view.mirrorOf,
        host: mirror?.host ?? null,
        partnerId: mirror?.partnerId ?? null,
      },
      evidence: p.auditReportId ? (evidence.get(p.auditReportId) ?? []) : [],
      overdue:
        p.state === "draft" &&
        isOverdue(moscowDay(p.submittedAt) as CivilDate, today, REVIEW_WORKING_DAYS, calendar),
    };
  });
}
