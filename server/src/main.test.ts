import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("start command", () => {
  it.each([
    ["PORT", "abc"],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["LOG_LEVEL", "chatty"],
  ])("a bad %s: one clear message naming it, exit 1", (name, value) => {
    const res = spawnSync(process.execPath, [main], {
      env: { [name]: value },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`^Invalid configuration:\\n  ${name}: .+\\n$`));
    expect(res.stdout).toBe("");
  });
});
