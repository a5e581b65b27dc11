import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openDb } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { at, createPartner, withCatalogue } from "../program/status/test-support.ts";

const cli = fileURLToPath(new URL("./recompute.ts", import.meta.url));

describe("pnpm recompute (the CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "pt-recompute-"));
  const url = `file:${join(dir, "cli.db")}`;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      env: { DATABASE_URL: url },
      encoding: "utf8",
      timeout: 30_000,
    });

  beforeAll(async () => {
    const { db, close } = openDb({ url });
    await applyMigrations(db);
    await withCatalogue(db);
    for (let i = 0; i < 3; i++) {
      const p = await createPartner(db, {
        approvedOn: "2025-01-10",
        employees: [["admin-basic", "developer"]],
      });
      await db.insert(s.pointAccruals).values({
        partnerId: p.id,
        day: "2025-02-01",
        points: 100 + i,
        sourceType: "additional",
        sourceId: `cli-${i}`,
        createdAt: at("2025-02-01"),
      });
    }
    close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("R5.6: runs the recompute: progress on stderr, a JSON summary on stdout, exit 0; again: no changes", () => {
    const first = run("--on", "2025-02-03");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^recompute 2025-02-03: 0\/3 partners, 0 changes$/m);
    expect(first.stderr).toMatch(/^recompute 2025-02-03: 3\/3 partners, 3 changes$/m);
    expect(JSON.parse(first.stdout)).toMatchObject({
      on: "2025-02-03",
      partners: 3,
      changes: { upgrade: 3, renewed: 0, dropped: 0, terminated: 0 },
      keysIssued: 6,
    });
    const second = run("--on=2025-02-03");
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ changes: { upgrade: 0 }, writes: 0 });
  });

  it.each([
    [["--on", "2025-02-30"], /--on: "2025-02-30" is not a real calendar date/],
    [["--on", "2025-2-3"], /--on: "2025-2-3" is not a date in the form YYYY-MM-DD/],
    [["--on"], /argument missing/],
    [["--day", "2025-02-03"], /Unknown option '--day'/],
    [["2025-02-03"], /positional argument/],
  ])("%j: a clear message and exit 2, nothing on stdout", (args, message) => {
    const res = run(...args);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toContain("Usage: pnpm recompute");
    expect(res.stdout).toBe("");
  });
});
