import type { Finding } from "@partner-trust/audit";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Api, AuditTarget } from "./api.ts";
import {
  type LiveAuditRequest,
  type LiveAuditResult,
  onMessage,
  removeAllListeners,
  sendMessage,
} from "./messaging.ts";
import { createPanel } from "./panel.ts";

const target: AuditTarget = {
  partner: { id: "p1", name: "Веб-студия Альфа" },
  project: { id: "pr1", title: "Сайт клиента №1", host: "alfa-client-1.ru" },
  matchedBy: ["project"],
  card: {
    name: "Альфа",
    phones: ["+7 900 000-00-00"],
    emails: ["info@alfa-web.ru"],
    addresses: [],
    domains: ["alfa-web.ru"],
  },
  knownKeys: [{ label: "ключ проекта / project key", hash: "0".repeat(32), expected: true }],
};
const a1: Finding = {
  rule: "A1",
  verdict: "fail",
  message: { ru: "р", en: "e" },
  evidence: [{ url: "http://alfa-client-1.ru/", selector: "body > footer" }],
};
const result: LiveAuditResult = {
  url: "http://alfa-client-1.ru/",
  host: "alfa-client-1.ru",
  findings: [a1],
  pages: [{ url: "http://alfa-client-1.ru/", status: 200, live: true, findings: [a1] }],
  skipped: [],
  headersRead: true,
};

function fakeApi() {
  return {
    lookup: vi.fn(async () => ({ host: "alfa-client-1.ru", targets: [target] })),
    listReports: vi.fn(async () => []),
    submitReport: vi.fn(async () => ({ id: "r1" })),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  removeAllListeners();
});

describe("side panel: lookup → audit in place → report", () => {
  it("binds to the tab, finds the project, asks for the site, injects and audits with the card and key hashes", async () => {
    const tab = await fakeBrowser.tabs.create({ url: "http://alfa-client-1.ru/", active: true });
    const api = fakeApi();
    const requests: LiveAuditRequest[] = [];
    const send = vi.fn(async (type: string, data: unknown) => {
      if (type === "ping") throw new Error("no content script yet");
      requests.push(data as LiveAuditRequest);
      return result;
    }) as unknown as typeof sendMessage;
    const request = vi.spyOn(fakeBrowser.permissions, "request").mockImplementation(async () => true);
    const inject = vi.fn(async () => []);
    fakeBrowser.scripting = { executeScript: inject } as unknown as typeof fakeBrowser.scripting;
    const panel = createPanel({ api: async () => api as unknown as Api, send, crop: async () => "" });

    await panel.bind(tab.id);
    expect(panel.host.value).toBe("alfa-client-1.ru");
    expect(api.lookup).toHaveBeenCalledWith({ host: "alfa-client-1.ru" });
    expect(api.listReports).toHaveBeenCalledWith("alfa-client-1.ru");
    expect(panel.target.value?.project?.id).toBe("pr1");

    await panel.run();
    expect(request).toHaveBeenCalledWith({ origins: ["http://alfa-client-1.ru/*"] });
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: tab.id },
      files: ["/content-scripts/content.js"],
    });
    expect(requests[0]).toEqual({ crawl: true, card: target.card, knownKeys: target.knownKeys });
    expect(panel.audit.value).toEqual(result);
    expect(panel.onLivePage(a1.evidence[0]!)).toBe(true);

    panel.verdict.value = "follow_up";
    panel.note.value = "проверить ещё раз";
    await panel.submit();
    expect(api.submitReport).toHaveBeenCalledWith(
      expect.objectContaining({
        partnerId: "p1",
        projectId: "pr1",
        verdict: "follow_up",
        note: "проверить ещё раз",
      }),
    );
    expect(panel.submittedId.value).toBe("r1");
  });

  it("refused permission: no injection, a clear error", async () => {
    const tab = await fakeBrowser.tabs.create({ url: "https://other.ru/", active: true });
    vi.spyOn(fakeBrowser.permissions, "request").mockImplementation(async () => false);
    const send = vi.fn() as unknown as typeof sendMessage;
    const panel = createPanel({ api: async () => fakeApi() as unknown as Api, send, crop: async () => "" });
    await panel.bind(tab.id);
    await panel.run();
    expect(send).not.toHaveBeenCalled();
    expect(panel.error.value).toBe("permission");
  });
});

describe("typed messaging (fakeBrowser runtime)", () => {
  it("delivers crawl progress from the content script to the panel", async () => {
    const seen: number[] = [];
    onMessage("auditProgress", ({ data }) => {
      seen.push(data.done);
    });
    await sendMessage("auditProgress", { done: 3, queued: 2, inFlight: 1, bytes: 100 });
    expect(seen).toEqual([3]);
  });
});
