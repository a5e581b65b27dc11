// R2.7: one deterministic directory score, and the ordering built on it.
import type { CivilDate } from "../dates/civil-date.ts";
import type { Status } from "../status/types.ts";

export type RankingInput = {
  id: string;
  approvedOn: CivilDate;
  status: Status;
  addedProjects: number;
  qmProjects: number;
  marketingActivities: number;
  certifiedEmployees: number;
  activePoints: number;
};

const STATUS_BONUS: Record<Status, number> = { none: 0, business: 0, certified: 100, gold: 300 };

/**
 * score = 10·added projects + 20·QM projects + 5·marketing activities + 15·certified employees
 *       + status bonus (Business 0, Certified 100, Gold 300) + active points.
 * QM projects weigh double an added one (a client confirmed the quality); all terms are integers.
 */
export function rankingScore(p: RankingInput): number {
  return (
    10 * p.addedProjects +
    20 * p.qmProjects +
    5 * p.marketingActivities +
    15 * p.certifiedEmployees +
    STATUS_BONUS[p.status] +
    p.activePoints
  );
}

/** Directory order: score desc, then earlier approval, then id; terminated partners are not listed. */
export function rankPartners(partners: readonly RankingInput[]): RankingInput[] {
  return partners
    .filter((p) => p.status !== "none")
    .map((p) => ({ p, score: rankingScore(p) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.p.approvedOn < b.p.approvedOn ? -1 : a.p.approvedOn > b.p.approvedOn ? 1 : 0) ||
        (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0),
    )
    .map(({ p }) => p);
}
