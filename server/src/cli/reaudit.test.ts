import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openDb } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { type FixtureSite, nfrPartner, serveFixture } from "../program/reaudit/test-sites.ts";

const cli = fileURLToPath(new URL("./reaudit.ts", import.meta.url));
const HOST = "cli-studio.test";

describe("pnpm reaudit (the CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "pt-reaudit-"));
  const url = `file:${join(dir, "cli.db")}`;
  let site: FixtureSite;
  // Not spawnSync: the fixture site is served by this process and must keep answering.
  const run = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { env: { DATABASE_URL: url } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });

  beforeAll(async () => {
    site = await serveFixture("nfr-good", { key: "NFR-REQ-CLI-0001" });
    const { db, close } = openDb({ url });
    await applyMigrations(db);
    await nfrPartner(db, HOST, site.port, "NFR-REQ-CLI-0001");
    close();
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("R6.2c: --allow-private --resolve: progress on stderr, the JSON summary on stdout, exit 0, stored", async () => {
    const res = await run("--host", HOST, "--allow-private", "--resolve", `${HOST}:127.0.0.1`);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(new RegExp(`^reaudit 1/1: ${HOST} A1 pass$`, "m"));
    const summary = JSON.parse(res.stdout);
    expect(summary).toMatchObject({ sites: 1, audited: 1, pass: 1, unreachable: 0, flagged: 0 });
    expect(summary.reports[0]).toMatchObject({ host: HOST, reachable: true, a1: "pass" });
    const { db, close } = openDb({ url });
    const rows = await db.select().from(s.auditReports).where(eq(s.auditReports.host, HOST));
    close();
    expect(rows.map((r) => r.source)).toEqual(["server"]);
  });

  it("without --allow-private the private address is refused: stored as unreachable (blocked), exit 0", async () => {
    const before = site.requests.length;
    const res = await run("--host", HOST, "--resolve", `${HOST}:127.0.0.1`);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/unreachable \(blocked\)/);
    expect(JSON.parse(res.stdout)).toMatchObject({ unreachable: 1 });
    expect(site.requests.length).toBe(before);
  });

  it.each([
    [["--hots", HOST], /Unknown option '--hots'/],
    [["--host"], /argument missing/],
    [["--host", "a b/c"], /--host: "a b\/c" is not a host name/],
    [["--resolve", "nohost"], /--resolve: expected HOST:ADDRESS/],
    [["extra"], /positional argument/],
  ])("%j: a clear message and exit 2, nothing on stdout", async (args, message) => {
    const res = await run(...args);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toContain("Usage: pnpm reaudit");
    expect(res.stdout).toBe("");
  });
});
