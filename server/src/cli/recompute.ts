// `pnpm recompute [--on YYYY-MM-DD]`: the daily recompute (R5.6) by hand, on the configured DATABASE_URL.
// Progress on stderr, a JSON summary on stdout; exit 2 on a bad argument, 1 when the database fails.
import { parseArgs } from "node:util";
import { type CivilDate, parseCivilDate } from "@partner-trust/rules";
import { moscowDay, systemClock } from "../clock.ts";
import { applyMigrations } from "../db/client.ts";
import { runDailyRecompute } from "../program/status/daily.ts";
import { openCliDatabase } from "./database.ts";

const USAGE = `Usage: pnpm recompute [--on YYYY-MM-DD]

Runs the daily status recompute (R5.6) for every partner on the Moscow day --on (default: today in
Moscow) against DATABASE_URL. Progress goes to stderr, a JSON summary to stdout.
Exit codes: 0 done, 1 database error, 2 bad arguments.`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let on: CivilDate;
let given: string | undefined;
try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { on: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  given = values.on;
} catch (err) {
  usageError(`recompute: ${err instanceof Error ? err.message : String(err)}`);
}
try {
  on = given === undefined ? moscowDay(systemClock.now()) : parseCivilDate(given);
} catch (err) {
  usageError(`recompute: --on: ${err instanceof Error ? err.message : String(err)}`);
}

const { env, db, close } = openCliDatabase();
try {
  await applyMigrations(db);
  let last = "";
  const outcome = await runDailyRecompute(db, on, {
    clock: systemClock,
    holder: `cli:${crypto.randomUUID()}`,
    force: true,
    progressEvery: 5000,
    onProgress: ({ done, total, changes }) => {
      const line = `recompute ${on}: ${done}/${total} partners, ${changes} changes`;
      if (line !== last) console.error(line);
      last = line;
    },
  });
  if (!outcome.ran) throw new Error("the recompute did not run");
  console.log(JSON.stringify(outcome.result, null, 2));
} catch (err) {
  console.error(
    `recompute ${on} failed on ${env.databaseUrl}: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exitCode = 1;
} finally {
  close();
}
