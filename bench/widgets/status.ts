// Status endpoint throughput (W1): autocannon against the REAL server (child process, embedded libSQL,
// demo seed) on loopback — GET /api/v1/public/partners/{id}/status with an Origin (placements counted) —
// beside a bare Hono route returning JSON of the same size, in the same run. Targets: ≥ 50 % of the bare
// route's req/s, p99 < 20 ms at that load. Run: pnpm --filter @partner-trust/bench bench:widgets:server
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const child = spawn(process.execPath, [new URL("./status-server.ts", import.meta.url).pathname], {
  stdio: ["ignore", "pipe", "inherit"],
});
const ready = await new Promise<{ real: number; bare: number; partnerId: string; logLevel: string }>(
  (resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
  },
);

async function run(title: string, url: string, headers: Record<string, string> = {}) {
  // Warm-up (first token signed, caches filled, JIT), then the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  const non2xx = r.non2xx + r.errors + r.timeouts;
  console.log(
    `  ${title.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   ${non2xx ? `${non2xx} errors/non-2xx` : "all 2xx"}`,
  );
  return r;
}

try {
  const statusUrl = `http://127.0.0.1:${ready.real}/api/v1/public/partners/${ready.partnerId}/status`;
  const probe = await fetch(statusUrl);
  if (probe.status !== 200) throw new Error(`status endpoint answered ${probe.status}`);
  console.log(
    `Status endpoint vs bare Hono (autocannon, ${CONNECTIONS} connections, ${DURATION} s each, loopback; server log level ${ready.logLevel})`,
  );
  const bare = await run("bare Hono route (JSON, same size)", `http://127.0.0.1:${ready.bare}/bare`);
  const status = await run("GET …/public/partners/{id}/status", statusUrl, {
    origin: "https://alfa-web.ru",
  });
  const ratio = status.requests.average / bare.requests.average;
  const ratioMet = ratio >= 0.5;
  const p99Met = status.latency.p99 < 20;
  console.log(
    `Target ≥ 50 % of the bare route's req/s: ${(ratio * 100).toFixed(0)} % — ${ratioMet ? "met" : "NOT met"}`,
  );
  console.log(`Target p99 < 20 ms at that load: ${status.latency.p99} ms — ${p99Met ? "met" : "NOT met"}`);
  if (!ratioMet || !p99Met) process.exitCode = 1;
} finally {
  child.kill("SIGTERM");
}
