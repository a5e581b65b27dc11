// Findings to look at: audit reports that need a moderator (the extension's and the server's re-audits, R6.2c,
// A1–A7), A4 trademark flags on partners' domains (R1.6b), and badges seen on domains not registered to their
// partner (R2.8, W1). Read-only lists: the action is the moderator's own (a call, a report, a termination).
import { desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { html } from "hono/html";
import * as s from "../../db/schema/index.ts";
import { placementList } from "../../program/badges/placement-list.ts";
import { bi, ruDate } from "../layout.ts";
import { words } from "./partner-queues.ts";
import { queue } from "./types.ts";

const LIMIT = 100;

type Finding = {
  kind: "report" | "trademark";
  id: string;
  at: Date;
  host: string;
  source: string;
  partnerId: string | null;
  partnerName: string;
  items: { ruleId: string; outcome: string; message: unknown }[];
  note: string;
};
export const auditFindings = queue<Finding>({
  slug: "audits",
  ru: "Находки аудитов",
  en: "Audit findings",
  about: [
    "A1–A7: отчёты расширения и повторные проверки сервера (R6.2c); A4: товарные знаки в доменах (R1.6b)",
    "A1–A7: the extension's reports and the server's re-audits (R6.2c); A4: trademarks in domains (R1.6b)",
  ],
  async load({ db }) {
    const [reports, flags, names] = await Promise.all([
      db
        .select()
        .from(s.auditReports)
        .where(or(isNull(s.auditReports.verdict), ne(s.auditReports.verdict, "dismiss")))
        .orderBy(desc(s.auditReports.createdAt))
        .limit(LIMIT),
      db
        .select()
        .from(s.moderationLog)
        .where(eq(s.moderationLog.action, "domain.trademark"))
        .orderBy(desc(s.moderationLog.at))
        .limit(LIMIT),
      db.select({ id: s.partners.id, name: s.partners.name }).from(s.partners),
    ]);
    const name = new Map(names.map((n) => [n.id, n.name]));
    const findings = reports.length
      ? await db
          .select()
          .from(s.auditFindings)
          .where(
            inArray(
              s.auditFindings.reportId,
              reports.map((r) => r.id),
            ),
          )
      : [];
    const reportFindings = reports.map((r) => ({
      kind: "report" as const,
      id: r.id,
      at: r.createdAt,
      host: r.host,
      source: r.source,
      partnerId: r.partnerId,
      partnerName: (r.partnerId && name.get(r.partnerId)) || "",
      note: r.note,
      items: findings
        .filter((f) => f.reportId === r.id && f.outcome !== "pass" && !f.pageUrl)
        .map((f) => ({ ruleId: f.ruleId, outcome: f.outcome, message: f.message })),
    }));
    return [
      // A report is a finding when a check failed or needs review, or a moderator asked to follow it up.
      ...reportFindings.filter((r) => r.items.length > 0),
      ...flags.map((f) => ({
        kind: "trademark" as const,
        id: f.id,
        at: f.at,
        host: "",
        source: "A4",
        partnerId: f.targetId,
        partnerName: name.get(f.targetId) ?? f.targetId,
        note: f.reason ?? "",
        items: [],
      })),
    ].sort((a, b) => b.at.getTime() - a.at.getTime());
  },
  id: (f) => f.id,
  due: false,
  overdue: () => false,
  head: [
    ["Когда", "When"],
    ["Источник", "Source"],
    ["Сайт или партнёр", "Site or partner"],
    ["Находки", "Findings"],
  ],
  row: (f) => [
    html`${ruDate(f.at)}`,
    f.kind === "trademark"
      ? html`${bi("товарный знак в домене", "trademark in a domain")}`
      : f.source === "server"
        ? html`${bi("повторная проверка сервера", "server re-audit")}`
        : html`${bi("расширение", "extension")}`,
    f.kind === "trademark"
      ? html`<a href="/cabinet/${f.partnerId}">${f.partnerName}</a>`
      : html`${f.host}${f.partnerId ? html` · <a href="/cabinet/${f.partnerId}">${f.partnerName}</a>` : ""}`,
    f.kind === "trademark"
      ? html`${f.note}`
      : html`<ul>${f.items.map(
          (i) =>
            html`<li>${i.ruleId} <span class="badge state-rejected">${i.outcome}</span> ${words(i.message)}</li>`,
        )}</ul>${f.note ? html`<span class="muted">${f.note}</span>` : ""}`,
  ],
});

type Placement = Awaited<ReturnType<typeof placementList>>[number];
export const badgePlacements = queue<Placement>({
  slug: "badge-placements",
  ru: "Значки на чужих доменах",
  en: "Badges on unregistered domains",
  about: [
    "R2.8, W1: где значок показан не на домене партнёра",
    "R2.8, W1: where a badge shows off its partner's domains",
  ],
  async load({ db, badges }) {
    // What the last seconds counted is written first, as the API does, so the list is current.
    await badges.placements.flush();
    return placementList(db, { state: "unverified", limit: LIMIT });
  },
  id: (p) => `${p.partnerId}:${p.host}:${p.day}:${p.widget}`,
  due: false,
  overdue: () => false,
  head: [
    ["Домен", "Domain"],
    ["Партнёр", "Partner"],
    ["Виджет", "Widget"],
    ["День", "Day"],
    ["Запросов", "Requests"],
  ],
  row: (p) => [
    html`${p.host}`,
    html`<a href="/cabinet/${p.partnerId}">${p.partnerName}</a>`,
    html`${p.widget}`,
    html`${ruDate(p.day)}`,
    html`${p.requests}`,
  ],
});
