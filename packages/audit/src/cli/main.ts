// audit-site: crawls and audits a site (A1–A7) and prints a JSON report; exit 0 pass, 1 a failure, 2 an error.
import process from "node:process";
import type { PartnerCard } from "../card.ts";
import { FetchError } from "../net/fetch.ts";
import { parseResolve } from "../net/resolve.ts";
import { runAudit } from "../run.ts";
import { parseCliArgs, USAGE, UsageError } from "./args.ts";
import { CardError, fetchPartnerCard, loadCardFile } from "./card.ts";
import { formatPretty } from "./pretty.ts";

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  let resolve: Map<string, string>;
  try {
    resolve = parseResolve(args.resolve);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let card: PartnerCard | undefined;
  if (args.card !== undefined) card = await loadCardFile(args.card);
  else if (args.partner !== undefined)
    card = await fetchPartnerCard(process.env.PARTNER_TRUST_URL ?? "http://localhost:8787", args.partner);
  const report = await runAudit(args.url, {
    maxPages: args.maxPages,
    resolve,
    allowPrivate: args.allowPrivate,
    checkedAt: new Date(),
    ...(card && { card }),
    onProgress: (p) => {
      if (process.stderr.isTTY && p.current)
        process.stderr.write(`\r[${p.done} done, ${p.queued} queued] ${p.current.slice(0, 100)}\x1b[K`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  process.stdout.write(args.pretty ? `${formatPretty(report)}\n` : `${JSON.stringify(report, null, 2)}\n`);
  return report.findings.some((f) => f.verdict === "fail") ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) process.stderr.write(`audit-site: ${e.message}\n${USAGE}\n`);
    else if (e instanceof CardError) process.stderr.write(`audit-site: ${e.message}\n`);
    else if (e instanceof FetchError) process.stderr.write(`audit-site: site unreachable: ${e.message}\n`);
    else process.stderr.write(`audit-site: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
