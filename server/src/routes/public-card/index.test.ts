import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { partnerIdByName } from "../../test/http.ts";
import { normaliseHost } from "./card.ts";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

describe("GET /api/v1/public/partners/{partnerId}/card", () => {
  let h: Harness;
  let alfaId: string;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    alfaId = await partnerIdByName(h, "Веб-студия Альфа");
  });
  afterAll(() => h.close());

  it("R1.4c: anyone gets the last APPROVED version's lists, never a pending one", async () => {
    await h.db.insert(s.cardVersions).values({
      partnerId: alfaId,
      version: 99,
      state: "pending",
      name: "Черновик",
      phones: ["+79999999999"],
      city: "Москва",
      submittedAt: new Date(),
    });
    const res = await h.app.request(`/api/v1/public/partners/${alfaId}/card`);
    expect(res.status).toBe(200);
    const card = await body(res);
    expect(card).toEqual({
      name: "Веб-студия Альфа",
      phones: ["+79000000000"],
      emails: ["info@alfa-web.ru"],
      addresses: [expect.any(String)],
      // localhost: registered for the widgets demo by the seed (demo-only).
      domains: ["alfa-web.ru", "localhost"],
    });
  });

  it("unknown partner: 404 problem+json", async () => {
    const res = await h.app.request("/api/v1/public/partners/nope/card");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("normalises hosts like project hosts (R5.4h)", () => {
    expect(normaliseHost("https://WWW.Alfa-Web.RU:8443/path")).toBe("alfa-web.ru");
    expect(normaliseHost("пример.рф")).toBe("xn--e1afmkfd.xn--p1ai");
    expect(normaliseHost("alfa-web.ru.")).toBe("alfa-web.ru");
  });

  it("`pnpm audit-site --partner <id>` reads the card from this route (A2 compares with it)", async () => {
    const api = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((r) => api.once("listening", () => r()));
    const site: Server = createServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        await readFile(new URL("packages/audit/fixtures/nfr-good/contacts.html", `file://${ROOT}`), "utf8"),
      );
    });
    await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
    try {
      const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
      const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
      const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            "packages/audit/src/cli/main.ts",
            siteUrl,
            "--partner",
            alfaId,
            "--allow-private",
            "--max-pages",
            "1",
          ],
          { cwd: ROOT, env: { ...process.env, PARTNER_TRUST_URL: apiUrl } },
        );
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
        });
        child.on("close", (c) => resolve({ code: c, stdout: out }));
      });
      // The fixture's contacts are not the demo partner's: A2 fails against the card from the API (exit 1).
      expect(code).toBe(1);
      const report = JSON.parse(stdout);
      const a2 = report.findings.find((f: { rule: string }) => f.rule === "A2");
      expect(a2.verdict).toBe("fail");
      // Each mismatch names the nearest value of the card the CLI loaded.
      expect(a2.details.mismatches.some((m: { card?: string }) => m.card?.startsWith("+7900"))).toBe(true);
    } finally {
      await new Promise((r) => api.close(r));
      await new Promise((r) => site.close(r));
    }
  });
});
