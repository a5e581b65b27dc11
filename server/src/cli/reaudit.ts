// `pnpm reaudit [--host HOST] [--allow-private] [--resolve HOST:ADDRESS]...`: an R6.2c re-audit round by hand on
// the configured DATABASE_URL. Progress on stderr, a JSON summary on stdout; exit 2 on a bad argument, 1 when the
// round cannot run (another manual round holds the lease, the database fails).
import { parseArgs } from "node:util";
import { parseResolve } from "@partner-trust/audit/node";
import pino from "pino";
import { systemClock } from "../clock.ts";
import { applyMigrations } from "../db/client.ts";
import { type AuditNetwork, runReauditRound } from "../program/reaudit/index.ts";
import { openCliDatabase } from "./database.ts";

const USAGE = `Usage: pnpm reaudit [--host HOST] [--allow-private] [--resolve HOST:ADDRESS]...

Re-audits (R6.2c) the site of every active NFR-on-request license, or only HOST's, against DATABASE_URL,
and stores each result as a server audit report. Progress goes to stderr, a JSON summary to stdout.
  --host HOST                only this site (host as on the license; www. and case ignored)
  --allow-private            allow loopback/private/link-local addresses (tests, staging; never by default)
  --resolve HOST:ADDRESS     connect to ADDRESS for HOST, like curl (the address is still guarded)
Exit codes: 0 done (whatever the findings), 1 the round could not run, 2 bad arguments.`;

function usageError(message: string): never {
  console.error(`reaudit: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let host: string | undefined;
const network: AuditNetwork = {};
try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      host: { type: "string" },
      "allow-private": { type: "boolean" },
      resolve: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.host !== undefined) {
    if (!/^[\p{L}\p{N}.-]{1,253}$/u.test(values.host.trim()))
      throw new Error(`--host: "${values.host}" is not a host name`);
    host = values.host.trim();
  }
  if (values["allow-private"]) network.allowPrivate = true;
  if (values.resolve) network.resolve = parseResolve(values.resolve);
} catch (err) {
  usageError(err instanceof Error ? err.message : String(err));
}

const { env, db, close } = openCliDatabase();
try {
  await applyMigrations(db);
  const run = await runReauditRound(db, {
    clock: systemClock,
    holder: `cli:${crypto.randomUUID()}`,
    manual: true,
    network,
    ...(host !== undefined && { host }),
    // Errors only: progress lines below say the rest.
    logger: pino({ level: "error" }, pino.destination(2)),
    onSite: (r, done, total) =>
      console.error(
        `reaudit ${done}/${total}: ${r.host} ${r.reachable ? `A1 ${r.a1}` : `unreachable (${r.error?.code})`}` +
          `${r.fails.length ? `, fail: ${r.fails.join(" ")}` : ""}${r.flagged ? ", FLAGGED for moderators" : ""}`,
      ),
  });
  if (!run.ran) throw new Error("another manual re-audit round is running");
  if (run.summary.sites === 0)
    console.error(`reaudit: no active NFR-on-request site${host ? ` for ${host}` : ""}`);
  console.log(JSON.stringify(run.summary, null, 2));
} catch (err) {
  console.error(`reaudit failed on ${env.databaseUrl}: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  close();
}
