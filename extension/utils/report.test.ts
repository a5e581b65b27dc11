import type { Finding } from "@partner-trust/audit";
import { describe, expect, it } from "vitest";
import type { AuditTarget } from "./api.ts";
import type { LiveAuditResult } from "./messaging.ts";
import { buildReport, MAX_SCREENSHOT_CHARS, MAX_SCREENSHOTS, summarise } from "./report.ts";
import { cropBox } from "./screenshot.ts";

const finding = (rule: Finding["rule"], verdict: Finding["verdict"]): Finding => ({
  rule,
  verdict,
  message: { ru: "р", en: "e" },
  evidence: [{ url: "https://a.ru/" }],
});
const audit: LiveAuditResult = {
  url: "https://a.ru/",
  host: "a.ru",
  findings: [finding("A1", "fail"), finding("A2", "pass"), finding("A6", "review")],
  pages: [{ url: "https://a.ru/", status: 200, live: true, findings: [finding("A1", "fail")] }],
  skipped: [],
  headersRead: true,
};
const target: AuditTarget = {
  partner: { id: "p1", name: "Альфа" },
  project: { id: "pr1", title: "Клиент", host: "a.ru" },
  matchedBy: ["project"],
  card: null,
  knownKeys: [],
};

describe("report building", () => {
  it("attaches the report to the project and its partner, with per-page findings", () => {
    const r = buildReport({ audit, target, verdict: "confirm", note: "  нарушение  " });
    expect(r).toMatchObject({
      url: "https://a.ru/",
      partnerId: "p1",
      projectId: "pr1",
      verdict: "confirm",
      note: "нарушение",
    });
    expect(r.findings).toHaveLength(3);
    expect(r.pages?.[0]?.findings[0]?.rule).toBe("A1");
    expect(r.screenshots).toBeUndefined();
  });
  it("without a target: no partner or project; screenshots bounded in number and size", () => {
    const shot = { rule: "A1", url: "https://a.ru/", dataUrl: "data:image/jpeg;base64,AAAA" };
    const big = { ...shot, dataUrl: `data:image/jpeg;base64,${"A".repeat(MAX_SCREENSHOT_CHARS)}` };
    const r = buildReport({
      audit,
      target: null,
      verdict: "follow_up",
      note: "x".repeat(5000),
      screenshots: [big, ...Array.from({ length: 8 }, () => shot)],
    });
    expect(r.partnerId).toBeUndefined();
    expect(r.projectId).toBeUndefined();
    expect(r.note).toHaveLength(4000);
    expect(r.screenshots).toHaveLength(MAX_SCREENSHOTS);
    expect(r.screenshots?.every((s) => s.dataUrl.length < 100)).toBe(true);
  });
  it("bounds each finding to what the server accepts", () => {
    const many = {
      ...finding("A2", "fail"),
      evidence: Array.from({ length: 80 }, () => ({ url: "https://a.ru/", excerpt: "x".repeat(3000) })),
    };
    const r = buildReport({ audit: { ...audit, findings: [many] }, target, verdict: "confirm", note: "" });
    expect(r.findings[0]?.evidence).toHaveLength(50);
    expect(r.findings[0]?.evidence[0]?.excerpt).toHaveLength(2000);
  });
  it("summarises verdicts", () => {
    expect(summarise(audit.findings)).toEqual({ pass: 1, fail: 1, review: 1 });
  });
  it("crops to the element in device pixels, inside the image", () => {
    const box = { rect: { x: 10, y: 20, width: 100, height: 30 }, devicePixelRatio: 2 };
    expect(cropBox(box, { width: 1000, height: 1000 })).toEqual({ x: 4, y: 24, width: 232, height: 92 });
    expect(
      cropBox({ ...box, rect: { x: -50, y: 990, width: 100, height: 100 } }, { width: 1000, height: 1000 }).x,
    ).toBe(0);
  });
});
