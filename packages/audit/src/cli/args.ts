// Parses the audit-site command line (the documented contract in packages/audit/README.md).
import { parseArgs } from "node:util";

export interface CliArgs {
  url: string;
  partner?: string;
  card?: string;
  maxPages: number;
  resolve: string[];
  allowPrivate: boolean;
  pretty: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE =
  "usage: pnpm audit-site <url> [--partner <id> | --card <card.json>] [--max-pages N] [--resolve HOST:ADDRESS]... [--allow-private] [--pretty]";

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        partner: { type: "string" },
        card: { type: "string" },
        "max-pages": { type: "string" },
        resolve: { type: "string", multiple: true },
        "allow-private": { type: "boolean" },
        pretty: { type: "boolean" },
      },
    });
  }
  try {
    parsed = parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("exactly one <url> is expected");
  const url = positionals[0]!;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`not a URL: ${url}`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new UsageError(`only http(s) URLs: ${url}`);
  if (values.partner !== undefined && values.card !== undefined)
    throw new UsageError("--partner and --card exclude each other");
  let maxPages = 20;
  if (values["max-pages"] !== undefined) {
    maxPages = Number(values["max-pages"]);
    if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 10_000)
      throw new UsageError(`--max-pages must be an integer from 1 to 10000, got "${values["max-pages"]}"`);
  }
  return {
    url,
    ...(values.partner !== undefined && { partner: values.partner }),
    ...(values.card !== undefined && { card: values.card }),
    maxPages,
    resolve: values.resolve ?? [],
    allowPrivate: values["allow-private"] ?? false,
    pretty: values.pretty ?? false,
  };
}
