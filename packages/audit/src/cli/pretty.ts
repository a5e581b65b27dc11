// The --pretty output: a readable table, Russian then English.
import type { AuditReport } from "../run.ts";

const MARK = { pass: "OK  ", fail: "FAIL", review: "??  " } as const;

export function formatPretty(report: AuditReport): string {
  const lines: string[] = [];
  lines.push(`Аудит / Audit: ${report.url}`);
  lines.push(`Проверено / Checked: ${report.checkedAt}; страниц / pages: ${report.pages.length}`);
  lines.push("");
  lines.push("Правило | Итог | Сообщение / Message");
  lines.push("--------+------+--------------------");
  for (const f of report.findings) {
    lines.push(`${f.rule.padEnd(7)} | ${MARK[f.verdict]} | ${f.message.ru}`);
    lines.push(`${"".padEnd(7)} |      | ${f.message.en}`);
    for (const e of f.evidence.slice(0, 3)) {
      const what = [e.header, e.selector, e.excerpt].filter(Boolean).join(" · ");
      lines.push(`${"".padEnd(7)} |      |   ↳ ${e.url}${what ? ` — ${what}` : ""}`);
    }
  }
  lines.push("");
  lines.push("Страницы / Pages:");
  for (const p of report.pages) {
    const v = p.findings?.map((f) => `${f.rule}:${f.verdict}`).join(" ") ?? "";
    lines.push(`  ${String(p.status).padEnd(4)} ${String(p.bytes).padStart(8)} B  ${v.padEnd(10)} ${p.url}`);
  }
  return lines.join("\n");
}
