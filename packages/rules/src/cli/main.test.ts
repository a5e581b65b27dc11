import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../../..");
const dir = mkdtempSync(join(tmpdir(), "rules-cli-"));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["packages/rules/src/cli/main.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scenarioFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const good = {
  catalogue: { editions: { start: 5900, standard: 17900, "small-business": 40900, business: 72900 } },
  requirements: { certified: { c1: 1 }, gold: { c1: 2, c2: 1 } },
  partner: { approvedOn: "2025-01-10", city: "Москва" },
  events: [{ on: "2025-02-01", type: "purchase", edition: "business" }],
  ask: ["2025-03-01", "2026-03-01"],
};

describe("rules CLI", () => {
  it("simulate prints the answers as JSON and exits 0", () => {
    const { code, stdout, stderr } = run("simulate", scenarioFile("good.json", good));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const { answers } = JSON.parse(stdout);
    expect(answers.map((a: { on: string; activePoints: number }) => [a.on, a.activePoints])).toEqual([
      ["2025-03-01", 73],
      ["2026-03-01", 0],
    ]);
    expect(Object.keys(answers[0])).toEqual([
      "on",
      "status",
      "statusSince",
      "statusUntil",
      "activePoints",
      "discountPercent",
      "nfrKeys",
      "competencies",
      "qmParticipant",
      "forecast",
    ]);
  });

  it("--help explains the usage and exits 0", () => {
    const { code, stdout } = run("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/simulate <scenario\.json>/);
  });

  it.each([
    [
      "an unknown field",
      { ...good, partner: { ...good.partner, vip: true } },
      /partner: unknown field "vip"/,
    ],
    [
      "an unknown event type",
      { ...good, events: [{ on: "2025-02-01", type: "gift" }] },
      /unknown event type "gift"/,
    ],
    ["an impossible date", { ...good, ask: ["2025-02-30"] }, /ask\[0\]: "2025-02-30" is not a real date/],
    ["an unpadded date", { ...good, ask: ["2025-2-1"] }, /ask\[0\]: "2025-2-1"/],
    [
      "an edition not in the catalogue",
      { ...good, events: [{ on: "2025-02-01", type: "purchase", edition: "enterprise" }] },
      /events\[0\]\.edition: unknown edition "enterprise"/,
    ],
    ["invalid JSON", "{ not json", /invalid JSON/],
  ])("refuses %s with exit code 2 and nothing on stdout", (_name, content, message) => {
    const { code, stdout, stderr } = run("simulate", scenarioFile("bad.json", content));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("refuses a missing file and bad usage with exit code 2", () => {
    const missing = run("simulate", join(dir, "missing.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read scenario file .*ENOENT/);
    expect(run().code).toBe(2);
    expect(run("simulate").code).toBe(2);
    expect(run("frobnicate", "x").code).toBe(2);
  });
});
