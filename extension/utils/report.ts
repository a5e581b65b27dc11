// Builds the report the server stores: the findings (site-wide and per page), the target, the moderator's
// verdict and note, and the screenshots — bounded to what the server accepts.
import type { Finding } from "@partner-trust/audit";
import type { AuditTarget, ReportPayload, Screenshot, Verdict } from "./api.ts";
import type { LiveAuditResult } from "./messaging.ts";

export const MAX_NOTE = 4000;
export const MAX_SCREENSHOTS = 5;
/** Per screenshot, as a data URL. */
export const MAX_SCREENSHOT_CHARS = 700_000;

/** The server's bounds on one finding (schemas.ts there): evidence items, text lengths. */
export const MAX_EVIDENCE = 50;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function boundFinding(f: Finding): Finding {
  return {
    ...f,
    message: { ru: cut(f.message.ru, 4000), en: cut(f.message.en, 4000) },
    evidence: f.evidence.slice(0, MAX_EVIDENCE).map((e) => ({
      url: cut(e.url, 2048),
      ...(e.selector !== undefined && { selector: cut(e.selector, 2000) }),
      ...(e.excerpt !== undefined && { excerpt: cut(e.excerpt, 2000) }),
      ...(e.header !== undefined && { header: cut(e.header, 4000) }),
    })),
  };
}

export function buildReport(input: {
  audit: LiveAuditResult;
  target: AuditTarget | null;
  verdict: Verdict;
  note: string;
  screenshots?: readonly Screenshot[];
}): ReportPayload {
  const { audit, target } = input;
  const screenshots = (input.screenshots ?? [])
    .filter((s) => s.dataUrl.length <= MAX_SCREENSHOT_CHARS)
    .slice(0, MAX_SCREENSHOTS);
  return {
    url: audit.url,
    ...(target && { partnerId: target.partner.id }),
    ...(target?.project && { projectId: target.project.id }),
    findings: audit.findings.map(boundFinding),
    pages: audit.pages
      .slice(0, 200)
      .map((p) => ({ url: p.url, status: p.status, findings: p.findings.map(boundFinding) })),
    verdict: input.verdict,
    note: input.note.trim().slice(0, MAX_NOTE),
    ...(screenshots.length > 0 && { screenshots: [...screenshots] }),
  };
}

/** Counts by verdict, for the summary line. */
export function summarise(findings: readonly { verdict: string }[]): {
  pass: number;
  fail: number;
  review: number;
} {
  const out = { pass: 0, fail: 0, review: 0 };
  for (const f of findings)
    if (f.verdict === "pass" || f.verdict === "fail" || f.verdict === "review") out[f.verdict]++;
  return out;
}
