// Audit benchmarks: the checks on one 10,000-element page (target ≤ 50 ms, parse timed apart), and a crawl +
// audit of a generated 200-page local site (target ≤ 15 s). Run: pnpm exec node bench/audit/main.ts
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { auditSite, licenseHash } from "@partner-trust/audit";
import { runAudit } from "@partner-trust/audit/node";
import { parseHTML } from "linkedom";

const KEY = "BENCH-KEY-0001";
const FOOTER = `<footer><p class="powered">Работает на «<a href="https://www.1c-bitrix.ru/">1С-Битрикс: Управление сайтом</a>»</p></footer>`;

/** A page of about `elements` elements: nested sections, lists, links, images, a few hiding style rules. */
function bigPage(elements: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let s = 0; count < elements; s++) {
    parts.push(`<section class="s${s % 7}"><h2>Раздел ${s}</h2><ul>`);
    count += 3;
    for (let i = 0; i < 12 && count < elements; i++, count += 4) {
      parts.push(
        `<li class="item"><a href="/catalog/${s}/${i}/">Товар ${s}-${i}</a> <span style="color:#333">цена по запросу</span> <img src="/upload/${s}-${i}.jpg" alt=""></li>`,
      );
    }
    parts.push(
      `</ul><p>Описание раздела ${s}: разработка, поддержка, интеграция с 1С. Телефон 8 (495) 229-14-41.</p></section>`,
    );
    count += 1;
  }
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Бенчмарк</title>
<link rel="stylesheet" href="/bitrix/templates/bench_custom/template_styles.css"><script src="/bitrix/js/main/core/core.js"></script>
<script>BX.message({SITE_ID:"s1"})</script><style>.s3 .item span{display:none}.hidden{visibility:hidden}.s5 h2{opacity:0}</style>
</head><body><header><nav><a href="/about/">О компании</a> <a href="/services/">Услуги</a></nav></header><main>
<p>Мы являемся партнёром «1С-Битрикс». «1С-Битрикс: Управление сайтом» — редакции Старт, Стандарт, Малый бизнес, Бизнес.</p>
<img src="/upload/1c-bitrix-logo.png" alt="1С-Битрикс">${parts.join("")}</main>${FOOTER}</body></html>`;
}

// Collect garbage before each timed run so one run's garbage (nor the parse's) is not billed to the next.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function pageBench(): Promise<boolean> {
  const html = bigPage(10_000);
  const headers = { "x-powered-cms": `Bitrix Site Manager (${licenseHash(KEY)})` };
  const card = { name: "B", phones: ["+74952291441"], emails: [], addresses: [], domains: [] };
  const parse: number[] = [];
  const checks: number[] = [];
  const cpu: number[] = [];
  const thread: number[] = [];
  let elements = 0;
  for (let run = 0; run < 15; run++) {
    const t0 = performance.now();
    const { document } = parseHTML(html);
    const t1 = performance.now();
    elements = document.querySelectorAll("*").length;
    gc();
    // gc() leaves its sweeping to V8's helper threads; let them finish, or on a small machine they compete with
    // (and are billed to) the timed checks.
    await new Promise((r) => setTimeout(r, 50));
    const t2 = performance.now();
    const c0 = process.cpuUsage();
    const h0 = process.threadCpuUsage();
    const page = { url: "https://bench.example/", status: 200, headers, document };
    auditSite({
      url: page.url,
      pages: [page],
      crawled: true,
      card,
      knownKeys: [{ label: "project key", key: KEY, expected: true }],
    });
    const t3 = performance.now();
    const c1 = process.cpuUsage(c0);
    const h1 = process.threadCpuUsage(h0);
    cpu.push((c1.user + c1.system) / 1000);
    thread.push((h1.user + h1.system) / 1000);
    parse.push(t1 - t0);
    checks.push(t3 - t2);
  }
  const m = median(checks);
  console.log(`page: ${elements} elements, ${(html.length / 1024).toFixed(0)} KB HTML`);
  console.log(`  parse (linkedom): median ${median(parse).toFixed(1)} ms (first ${parse[0]!.toFixed(1)} ms)`);
  console.log(
    `  checks A1–A7:     median ${m.toFixed(1)} ms wall (best ${Math.min(...checks).toFixed(1)}), ${median(cpu).toFixed(1)} ms CPU (main thread ${median(thread).toFixed(1)}; the rest: V8 helper threads, compiler and GC) (first, cold ${checks[0]!.toFixed(1)} ms) — target ≤ 50 ms (median): ${m <= 50 ? "MET" : "NOT MET"}`,
  );
  console.log(
    `  (load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores while measuring)`,
  );
  return m <= 50;
}

async function siteBench(): Promise<boolean> {
  const PAGES = 200;
  const page = (n: number) => {
    const links = [1, 2, 3, 17, 59].map(
      (d) => `<a href="/page/${(n + d) % PAGES}/">Страница ${(n + d) % PAGES}</a>`,
    );
    return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Страница ${n}</title>
<link rel="stylesheet" href="/bitrix/templates/bench_custom/styles.css"></head><body><header><nav>${links.join(" ")}</nav></header>
<main><h1>Страница ${n}</h1>${"<p>Разработка сайтов, поддержка и интеграция с 1С для клиентов в Москве.</p>".repeat(30)}
<p>Телефон: <a href="tel:+74952291441">8 (495) 229-14-41</a></p></main>${FOOTER}</body></html>`;
  };
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/sitemap.xml") {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(
        `<urlset>${Array.from({ length: PAGES }, (_, i) => `<url><loc>http://bench.test:${port}/page/${i}/</loc></url>`).join("")}</urlset>`,
      );
      return;
    }
    const m = /^\/(?:page\/(\d+)\/)?$/.exec(url);
    if (!m) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "x-powered-cms": `Bitrix Site Manager (${licenseHash(KEY)})`,
    });
    // A little latency, like a real site's.
    setTimeout(() => res.end(page(Number(m[1] ?? 0))), 5);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const t0 = performance.now();
  const report = await runAudit(`http://bench.test:${port}/`, {
    checkedAt: new Date(),
    maxPages: PAGES,
    maxDepth: 10,
    timeBudgetMs: 60_000,
    resolve: new Map([["bench.test", "127.0.0.1"]]),
    allowPrivateHosts: ["bench.test"],
    knownKeys: [{ label: "project key", key: KEY, expected: true }],
  });
  const seconds = (performance.now() - t0) / 1000;
  server.close();
  const bytes = report.pages.reduce((s, p) => s + p.bytes, 0);
  console.log(
    `site: ${report.pages.length} pages, ${(bytes / 1024 / 1024).toFixed(1)} MB, crawled (2 at a time) and audited in ${seconds.toFixed(2)} s — target ≤ 15 s: ${seconds <= 15 ? "MET" : "NOT MET"}`,
  );
  console.log(`  verdicts: ${report.findings.map((f) => `${f.rule}:${f.verdict}`).join(" ")}`);
  return seconds <= 15 && report.pages.length === PAGES;
}

const a = await pageBench();
const b = await siteBench();
console.log(a && b ? "all targets met" : "some targets NOT met");
