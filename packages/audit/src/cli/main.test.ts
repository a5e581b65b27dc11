import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, fixtureSite, startServer, type TestServer } from "../../test/server.ts";

const ROOT = new URL("../../../../", import.meta.url).pathname;
const MAIN = "packages/audit/src/cli/main.ts";

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let good: TestServer;
let bad: TestServer;
let composite: TestServer;
let api: TestServer;
const card = join(FIXTURES, "cards/good.json");

beforeAll(async () => {
  good = await startServer(fixtureSite("nfr-good"));
  bad = await startServer(fixtureSite("nfr-bad"));
  composite = await startServer(fixtureSite("composite"));
  api = await startServer(async (req, res) => {
    if (req.url === "/api/v1/public/partners/42/card") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(await readFile(card, "utf8"));
    } else {
      res.writeHead(404, { "content-type": "application/problem+json" });
      res.end("{}");
    }
  });
});
afterAll(async () => {
  await Promise.all([good.close(), bad.close(), composite.close(), api.close()]);
});

describe("audit-site CLI", () => {
  it("exit 0 and the JSON report for a compliant site under a made-up host (--resolve)", async () => {
    const url = `http://primer-studio.test:${good.port}/`;
    const r = await cli([
      url,
      "--card",
      card,
      "--resolve",
      "primer-studio.test:127.0.0.1",
      "--allow-private",
    ]);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(["url", "checkedAt", "pages", "findings"]);
    expect(report.url).toBe(url);
    expect(new Date(report.checkedAt).toISOString()).toBe(report.checkedAt);
    expect(report.pages).toHaveLength(5);
    expect(report.pages[0]).toMatchObject({ url, status: 200, bytes: expect.any(Number) });
    expect(report.pages[0].findings[0]).toMatchObject({ rule: "A1", verdict: "pass" });
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual([
      "A1",
      "A2",
      "A3",
      "A4",
      "A5",
      "A6",
      "A7",
    ]);
    expect(
      Object.fromEntries(report.findings.map((f: { rule: string; verdict: string }) => [f.rule, f.verdict])),
    ).toEqual({ A1: "pass", A2: "pass", A3: "pass", A4: "pass", A5: "pass", A6: "review", A7: "pass" });
    for (const f of report.findings) {
      expect(f.message).toEqual({ ru: expect.any(String), en: expect.any(String) });
      expect(f.evidence.length).toBeGreaterThan(0);
    }
    expect(good.requests.at(-1)?.headers.host).toBe(`primer-studio.test:${good.port}`);
    expect(r.code).toBe(0);
  });

  it("exit 1 when a check fails", async () => {
    const r = await cli([bad.origin, "--card", card, "--allow-private"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const verdicts = Object.fromEntries(
      report.findings.map((f: { rule: string; verdict: string }) => [f.rule, f.verdict]),
    );
    expect(verdicts).toMatchObject({ A1: "fail", A2: "fail", A3: "fail", A5: "fail", A7: "pass" });
    expect(report.pages.map((p: { findings: { verdict: string }[] }) => p.findings[0]?.verdict)).toEqual([
      "pass",
      "fail",
    ]);
  });

  it("re-requests a composite-cached page uncached before judging A3", async () => {
    const r = await cli([composite.origin, "--card", card, "--allow-private", "--max-pages", "1"]);
    const a3 = JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === "A3");
    expect(a3.verdict).toBe("pass");
    const again = composite.requests.find((q) => q.url === "/?ncc=1");
    expect(again?.headers["cache-control"]).toBe("no-cache");
    expect(again?.headers["bx-action-type"]).toBeUndefined();
  });

  it("--partner reads the card from $PARTNER_TRUST_URL; a non-200 answer is exit 2", async () => {
    const ok = await cli([good.origin, "--partner", "42", "--allow-private", "--max-pages", "1"], {
      PARTNER_TRUST_URL: api.origin,
    });
    expect(JSON.parse(ok.stdout).findings[1].verdict).toBe("pass");
    const missing = await cli([good.origin, "--partner", "7", "--allow-private"], {
      PARTNER_TRUST_URL: api.origin,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("answered 404");
    expect(missing.stdout).toBe("");
  });

  it("--pretty prints a table, Russian then English", async () => {
    const r = await cli([bad.origin, "--allow-private", "--pretty"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/A3 +\| FAIL \| Сайт работает на демо-ключе/);
    expect(r.stdout).toContain("The site runs on a demo key (DEMO)");
  });

  it.each([
    [[], "exactly one <url>"],
    [["not a url"], "not a URL"],
    [["http://x.test/", "--max-pages", "0"], "--max-pages"],
    [["http://x.test/", "--bogus"], "Unknown option"],
    [["http://x.test/", "--card", "a.json", "--partner", "1"], "exclude"],
    [["http://x.test/", "--resolve", "x.test:nowhere"], "not an IP"],
    [["http://x.test/", "--card", "/nonexistent/card.json"], "cannot read card"],
    [["http://x.test/", "--card", join(FIXTURES, "cards/unknown-field.json")], "inn"],
  ])("exit 2 on bad input %j", async (args, text) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
  });

  it("exit 2 when the site is private and --allow-private is not given, or unreachable", async () => {
    const blocked = await cli([good.origin]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/refused to connect/);
    const mapped = await cli([`http://made-up.test:${good.port}/`, "--resolve", "made-up.test:127.0.0.1"]);
    expect(mapped.code).toBe(2);
    const closed = await cli(["http://127.0.0.1:1/", "--allow-private"]);
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain("site unreachable");
  });
});
