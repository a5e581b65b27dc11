// The README's Quick start, run as written on a fresh clone of what is committed.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../src/test/sqld.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The first fenced code block under the "Quick start" heading: [start command, test command]. */
export function quickStartCommands(readme: string): string[] {
  const section = readme.split(/^#+\s*Quick start\s*$/im)[1];
  if (!section) throw new Error("README has no Quick start heading");
  const block = /```[^\n]*\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("Quick start has no code block");
  return block[1]!.split("\n").filter((l) => l.trim() !== "");
}

/** Demo accounts as the start command prints them: `<email> password: <password>`. */
export function printedAccounts(stdout: string): { email: string; password: string }[] {
  return [...stdout.matchAll(/^\s*(\S+@\S+)\s+password:\s+(\S+)/gm)].map((m) => ({
    email: m[1]!,
    password: m[2]!,
  }));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("README Quick start", () => {
  const dir = mkdtempSync(join(tmpdir(), "pt-quick-start-"));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts the product from a fresh clone, signs in as every demo account, stops cleanly", async () => {
    const [startCommand] = quickStartCommands(readFileSync(join(repoRoot, "README.md"), "utf8"));
    expect(startCommand).toMatch(/start$/);
    const clone = join(dir, "repo");
    execFileSync("git", ["clone", "--quiet", repoRoot, clone]);

    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    for (const name of [
      "DATABASE_URL",
      "DATABASE_AUTH_TOKEN",
      "NODE_ENV",
      "PUBLIC_URL",
      "VITEST",
      "VITEST_POOL_ID",
    ]) {
      delete env[name];
    }
    // Our own process group, so the whole tree (npx → pnpm → node) can be signalled at once.
    child = spawn("sh", ["-c", startCommand!], {
      cwd: clone,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));

    const base = `http://localhost:${port}`;
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start command exited early:\n${stdout}\n${stderr}`);
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok && /Press Ctrl-C/.test(stdout)) break;
      if (Date.now() > deadline) throw new Error(`no /healthz within 240 s:\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const accounts = printedAccounts(stdout);
    expect(accounts.length).toBeGreaterThanOrEqual(5);
    for (const { email, password } of accounts) {
      const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: base },
        body: JSON.stringify({ email, password }),
      });
      expect(signIn.status, email).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const me = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
      expect(me.status, email).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe(email);
    }

    // The printed URLs answer; the seed's approval mail is in the dev outbox.
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/openapi.json`)).status).toBe(200);
    const outbox = (await (await fetch(`${base}/api/v1/dev/outbox`)).json()) as { items: { to: string }[] };
    expect(outbox.items.map((m) => m.to)).toContain("partner@partner-trust.local");

    // Widgets: the start command built the bundle and the extension, prints where; the bundle, the JWKS and
    // a status token signed by them answer on the server's origin.
    expect(stdout).toContain(`${base}/widgets/demo`);
    expect(stdout).toContain(join("extension", ".output", "chrome-mv3"));
    const bundle = await fetch(`${base}/widgets/v1/partner-trust.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("javascript");
    expect((await bundle.text()).length).toBeGreaterThan(1000);
    const jwks = await fetch(`${base}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    const demo = await (await fetch(`${base}/widgets/demo`)).text();
    const partnerId = /<pt-partner-badge partner="([0-9a-f-]{36})"/.exec(demo)?.[1];
    expect(partnerId).toBeDefined();
    const status = await fetch(`${base}/api/v1/public/partners/${partnerId}/status`);
    expect(status.status).toBe(200);
    const { token } = (await status.json()) as { token: string };
    const { payload } = await jwtVerify(token, createLocalJWKSet((await jwks.json()) as JSONWebKeySet), {
      issuer: base,
    });
    expect((payload as { partner: { status: string } }).partner.status).toBe("gold");

    // Ctrl-C: SIGINT to the whole process group, as a terminal does. The shells and npx wrappers die of
    // the signal (their usual behaviour); the server must shut down gracefully and leave nothing behind.
    const pgid = child.pid!;
    const outputClosed = new Promise((r) => child!.stdout!.once("close", r));
    process.kill(-pgid, "SIGINT");
    const outcome = await Promise.race([
      Promise.all([exited, outputClosed]).then(() => "exited"),
      new Promise((r) => setTimeout(() => r("timeout"), 30_000)),
    ]);
    expect(outcome, `${stdout}\n${stderr}`).toBe("exited");
    expect([0, null]).toContain(child.exitCode);
    expect(stdout).toContain("Partner Trust stopped cleanly.");
    expect(stdout).not.toMatch(/"level":(50|60)/);
    expect(groupAlive(pgid)).toBe(false);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
