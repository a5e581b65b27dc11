// `pnpm rules`: the command-line entry point (the only file here that does I/O).
import { readFileSync } from "node:fs";
import { RulesError } from "../errors.ts";
import { simulateText } from "../simulator/simulate.ts";

const HELP = `Usage:
  pnpm rules simulate <scenario.json>   print {"answers": [...]}: the partner's state on each asked date
  pnpm rules --help                     this text

Exit codes: 0 answers printed; 2 bad usage or a refused scenario (reasons on stderr).
The scenario format is described in packages/rules/README.md.`;

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command !== "simulate" || rest.length !== 1) {
    process.stderr.write(
      `${command === undefined ? "no command given" : `unexpected arguments: ${argv.join(" ")}`}\n\n${HELP}\n`,
    );
    return 2;
  }
  const file = rest[0]!;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    process.stderr.write(
      `cannot read scenario file "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`,
    );
    return 2;
  }
  try {
    process.stdout.write(`${JSON.stringify(simulateText(text), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    process.stderr.write(`scenario "${file}" refused:\n${error.message.replace(/^/gm, "  ")}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
