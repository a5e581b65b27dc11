// Test support: the audit package's fixture sites served on 127.0.0.1 (tests reach them under made-up host
// names through a resolve map, with the explicit test allowance for private addresses), and NFR partners.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { licenseHash } from "@partner-trust/audit/license";
import type { Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { createPartner } from "../status/test-support.ts";
import type { AuditNetwork } from "./run.ts";

const FIXTURES = fileURLToPath(new URL("../../../../packages/audit/fixtures/", import.meta.url));

/** The key behind the fixture sites' X-Powered-CMS hash (packages/audit/fixtures/cards/good.json). */
export const FIXTURE_KEY = "TST-NF-1234567890ABCDEF";

export interface FixtureSite {
  port: number;
  /** Requests seen, by path. */
  requests: string[];
  /** Hides the footer (display:none) on every page from now on. */
  hideFooter(hidden: boolean): void;
  close(): Promise<void>;
}

/**
 * Serves packages/audit/fixtures/<name>/ like the audit package's test server (headers from headers.json);
 * `key`: X-Powered-CMS carries that key's hash instead.
 */
export async function serveFixture(
  name: "nfr-good" | "nfr-bad" | "plain",
  { key }: { key?: string } = {},
): Promise<FixtureSite> {
  const dir = join(FIXTURES, name);
  const config = JSON.parse(await readFile(join(dir, "headers.json"), "utf8")) as Record<
    string,
    { headers?: Record<string, string | string[]> }
  >;
  const requests: string[] = [];
  let hidden = false;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(url.pathname);
    const file = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
    let body: string;
    try {
      if (file.includes("..") || file.includes("/") || file === "headers.json") throw new Error("no");
      body = await readFile(join(dir, file), "utf8");
    } catch {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>404</h1>");
      return;
    }
    body = body.replaceAll("http://SITE", `http://${req.headers.host}`);
    if (hidden) body = body.replace("</head>", "<style>footer{display:none}</style></head>");
    const type = file.endsWith(".xml")
      ? "application/xml"
      : file.endsWith(".txt")
        ? "text/plain"
        : "text/html; charset=utf-8";
    res.writeHead(200, {
      "content-type": type,
      ...config["*"]?.headers,
      ...config[url.pathname]?.headers,
      ...(key && { "x-powered-cms": `Bitrix Site Manager (${licenseHash(key)})` }),
    });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    hideFooter: (h) => {
      hidden = h;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A port nothing listens on (taken, then released). */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The test-only allowance: these made-up hosts → 127.0.0.1, private addresses allowed. */
export function testNetwork(hosts: readonly string[], allowPrivate = true): AuditNetwork {
  return {
    allowPrivate,
    resolve: new Map(hosts.map((h) => [h, "127.0.0.1"])),
    timeBudgetMs: 10_000,
    timeoutMs: 5_000,
  };
}

/** A partner with an approved card (the fixture's contacts, website on `host:port`) and an NFR-on-request key. */
export async function nfrPartner(db: Writer, host: string, port: number, licenseKey: string) {
  const partner = await createPartner(db, { approvedOn: "2025-01-10", name: `Студия ${host}` });
  const when = new Date("2025-01-10T07:00:00Z");
  await db.insert(s.cardVersions).values({
    partnerId: partner.id,
    version: 1,
    state: "approved",
    name: "Веб-студия Пример",
    phone: "+7 495 229-14-41",
    email: "info@primer-studio.ru",
    address: "Москва, Тверская улица, дом 7",
    city: "Москва",
    website: `http://${host}:${port}/`,
    submittedAt: when,
    reviewedAt: when,
  });
  await db.insert(s.nfrLicenses).values({
    partnerId: partner.id,
    licenseKey,
    kind: "request",
    editionCode: "small-business",
    siteHost: host,
    state: "active",
    issuedAt: when,
  });
  return partner;
}
