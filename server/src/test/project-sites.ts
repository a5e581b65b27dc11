// Test support: LOCAL client sites for the project check (R5.4f, A3, A6, A7) — one node:http server on
// 127.0.0.1 answering for made-up host names (routed by the Host header), each with or without the
// `X-Powered-CMS` license header. The audit reaches them through `network` (a resolve map filled by `serve`,
// with the test-only allowance for private addresses): never the internet.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { licenseHash } from "@partner-trust/audit/license";
import type { AuditNetwork } from "../program/reaudit/run.ts";

export type SiteKey =
  /** `X-Powered-CMS: Bitrix Site Manager (<md5 of the key>)`, as the product sends it. */
  | { key: string }
  /** `X-Powered-CMS: Bitrix Site Manager (DEMO)`: a demo key. */
  | "demo"
  /** No header (but the page still runs on the product: its assets are under /bitrix/). */
  | "none";

export interface SiteSpec {
  license: SiteKey;
  /** The visible text of the start page; by default words drawn from the host name, unlike any other site's. */
  text?: string;
}

export interface ProjectSites {
  port: number;
  /** The audit's network: these hosts → 127.0.0.1, private addresses allowed (tests only). */
  network: AuditNetwork;
  /** Serves `host` from now on; returns the site's URL. */
  serve(host: string, spec: SiteSpec): string;
  /** Requests seen, as `host path`. */
  requests: string[];
  close(): Promise<void>;
}

const WORDS =
  "сайт магазин каталог доставка услуги проект клиент заказ товар склад оплата корзина новости статьи контакты отзывы гарантия сервис ремонт строительство обучение курсы медицина клиника туризм отель ресторан меню бронирование недвижимость квартира аренда автомобиль запчасти мебель одежда обувь косметика спорт фитнес банк кредит страхование юрист бухгалтерия логистика производство завод оборудование станки электроника телефон компьютер школа детский сад университет библиотека музей театр концерт билеты".split(
    " ",
  );

/** ~80 words chosen by a hash of `seed`: distinct sites get distinct texts (A6 sees no mirror). */
export function textFor(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < 80; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    h = (h + 0x9e3779b9) >>> 0;
    out.push(WORDS[h % WORDS.length]!);
  }
  return `${seed}: ${out.join(" ")}.`;
}

function page(host: string, text: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${host}</title>
<link rel="stylesheet" href="/bitrix/templates/client/styles.css"></head>
<body><header><h1>${host}</h1></header><main><p>${text}</p></main>
<script src="/bitrix/js/main/core/core.js"></script></body></html>`;
}

export async function startProjectSites(): Promise<ProjectSites> {
  const sites = new Map<string, SiteSpec>();
  const resolve = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push(`${host} ${path}`);
    const spec = sites.get(host);
    if (!spec || path !== "/") {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end("<h1>404</h1>");
      return;
    }
    const { license } = spec;
    const header =
      license === "none"
        ? {}
        : {
            "x-powered-cms": `Bitrix Site Manager (${license === "demo" ? "DEMO" : licenseHash(license.key)})`,
          };
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...header });
    res.end(page(host, spec.text ?? textFor(host)));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    network: { allowPrivate: true, resolve, timeBudgetMs: 10_000, timeoutMs: 5_000 },
    serve(host, spec) {
      sites.set(host.toLowerCase(), spec);
      resolve.set(host.toLowerCase(), "127.0.0.1");
      return `http://${host}:${port}/`;
    },
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
