// R5.4c, R5.4f: the check a project gets when it is added — A3 (license key: no header or DEMO refused, a hash
// compared with the registered key), A7 (runs on a vendor product), A4 reported (R1.6b) — stored as a server
// audit report. The project routes call this; `accepted` is false when A3 or A7 fails.
import type { ProjectFingerprint } from "@partner-trust/audit";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { type AuditNetwork, auditSite, type Finding } from "./run.ts";
import { storeServerReport } from "./store.ts";

/** A few pages: A3 reads the start page's headers, A7 looks for a signal on any crawled page. */
export const PROJECT_BOUNDS = { maxPages: 5, maxDepth: 1, timeBudgetMs: 30_000, maxTotalBytes: 5 << 20 };

const RULES = new Set(["A3", "A4", "A7"]);
/** With other projects' fingerprints, A6 (R5.4k) is reported too: a probable mirror is for the moderator. */
const RULES_WITH_A6 = new Set([...RULES, "A6"]);
/** R5.4f and R5.4c refuse a project; A4 (a mark in the client's domain) is for the moderator to judge. */
const REFUSING = new Set(["A3", "A7"]);

export interface ProjectSiteInput {
  url: string;
  /** md5("BITRIX" + key + "LICENCE") of the project's registered key; without it A3 cannot pass, only "review". */
  expectedKeyHash?: string | undefined;
  partnerId?: string | undefined;
  projectId?: string | undefined;
  /** A6: the other projects' start-page fingerprints; when given, the A6 finding is returned and stored. */
  fingerprints?: readonly ProjectFingerprint[] | undefined;
}

export interface ProjectSiteAudit {
  accepted: boolean;
  findings: Finding[];
  reportId: string;
}

export async function auditProjectSite(
  db: Db,
  input: ProjectSiteInput,
  deps: { clock: Clock; network?: AuditNetwork },
): Promise<ProjectSiteAudit> {
  const checkedAt = deps.clock.now();
  const audit = await auditSite({
    url: input.url,
    checkedAt,
    ...(input.expectedKeyHash && {
      expectedKey: { label: "ключ проекта / project key", hash: input.expectedKeyHash.toLowerCase() },
    }),
    ...(deps.network && { network: deps.network }),
    ...(input.fingerprints && { fingerprints: input.fingerprints }),
    bounds: PROJECT_BOUNDS,
    // An unreachable site shows no key: refused (R5.4f), with the reason as evidence.
    unreachableAs: { rule: "A3", verdict: "fail" },
  });
  const rules = input.fingerprints ? RULES_WITH_A6 : RULES;
  const findings = audit.report.findings.filter((f) => rules.has(f.rule));
  const accepted = !findings.some((f) => REFUSING.has(f.rule) && f.verdict === "fail");
  const refusedBy = findings.filter((f) => f.verdict === "fail").map((f) => f.rule);
  const reportId = await storeServerReport(db, {
    // A1, A2, A5, A6 are not what adding a project checks: neither they nor A1's per-page findings are stored.
    report: { ...audit.report, findings, pages: audit.report.pages.map((p) => ({ ...p, findings: [] })) },
    partnerId: input.partnerId ?? null,
    projectId: input.projectId ?? null,
    note: accepted
      ? "Сервер, проверка проекта при добавлении (A3, A4, A7): принят / Server project check on adding: accepted"
      : `Сервер, проверка проекта при добавлении (A3, A4, A7): отклонён / Server project check on adding: refused — ${refusedBy.join(", ")}`,
    now: checkedAt,
  });
  return { accepted, findings, reportId };
}
