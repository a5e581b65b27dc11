// A small HTTP server on 127.0.0.1 for tests: serves a fixture site (HTML + headers.json) or a handler.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { HeaderMap, PageSnapshot } from "../src/page.ts";

export const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

export interface TestServer {
  port: number;
  origin: string;
  requests: { url: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, port: number) => unknown;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  let port = 0;
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? "/", headers: req.headers });
    Promise.resolve(handler(req, res, port)).catch((e) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

interface RouteHeaders {
  status?: number;
  headers?: Record<string, string | string[]>;
}

/** Serves fixtures/<site>/: "/" → index.html; headers.json gives per-path ("*", "/x.html", "/?ncc=1") headers. */
export function fixtureSite(site: string): Handler {
  const dir = join(FIXTURES, site);
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    let config: Record<string, RouteHeaders> = {};
    try {
      config = JSON.parse(await readFile(join(dir, "headers.json"), "utf8"));
    } catch {}
    const route = { ...config["*"], ...config[url.pathname], ...config[url.pathname + url.search] };
    const headers = {
      ...config["*"]?.headers,
      ...config[url.pathname]?.headers,
      ...config[url.pathname + url.search]?.headers,
    };
    const file = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
    let body: string;
    try {
      if (file.includes("..") || file === "headers.json") throw new Error("no");
      body = await readFile(join(dir, file), "utf8");
    } catch {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>404</h1>");
      return;
    }
    body = body.replaceAll("http://SITE", `http://${req.headers.host}`);
    const type = file.endsWith(".xml")
      ? "application/xml"
      : file.endsWith(".txt")
        ? "text/plain"
        : "text/html; charset=utf-8";
    res.writeHead(route.status ?? 200, { "content-type": type, ...headers });
    res.end(body);
  };
}

/** Parses a fixture page with linkedom into a PageSnapshot (for the checks' unit tests). */
export async function loadPage(
  path: string,
  url = "https://primer-studio.ru/",
  headers: HeaderMap = {},
): Promise<PageSnapshot> {
  const html = await readFile(join(FIXTURES, path), "utf8");
  return pageFromHtml(html, url, headers);
}

export function pageFromHtml(
  html: string,
  url = "https://primer-studio.ru/",
  headers: HeaderMap = {},
): PageSnapshot {
  const full = /^\s*<(!doctype|html)/i.test(html) ? html : `<!doctype html><html>${html}</html>`;
  const { document } = parseHTML(full);
  return { url, status: 200, headers, document };
}
