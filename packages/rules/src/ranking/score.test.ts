import { describe, expect, it } from "vitest";
import { type RankingInput, rankingScore, rankPartners } from "./score.ts";

const partner = (id: string, more: Partial<RankingInput> = {}): RankingInput => ({
  id,
  approvedOn: "2025-01-01",
  status: "business",
  addedProjects: 0,
  qmProjects: 0,
  marketingActivities: 0,
  certifiedEmployees: 0,
  activePoints: 0,
  ...more,
});

describe("ranking", () => {
  it("R2.7: the documented formula", () => {
    const p = partner("a", {
      status: "gold",
      addedProjects: 3,
      qmProjects: 2,
      marketingActivities: 1,
      certifiedEmployees: 4,
      activePoints: 512,
    });
    expect(rankingScore(p)).toBe(30 + 40 + 5 + 60 + 300 + 512);
  });

  it("R2.7: ties go to the earlier approval date, then the id; terminated partners are not listed", () => {
    const ranked = rankPartners([
      partner("c", { approvedOn: "2024-05-01" }),
      partner("b", { approvedOn: "2024-01-01" }),
      partner("a", { approvedOn: "2024-05-01" }),
      partner("top", { status: "certified" }),
      partner("gone", { status: "none", activePoints: 9999 }),
    ]);
    expect(ranked.map((p) => p.id)).toEqual(["top", "b", "a", "c"]);
  });
});
