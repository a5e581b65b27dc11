// Builds dist/: the one-file ES module bundle (esbuild, Lit included, minified), custom-elements.json and types.
// `--check` (the first half of `pnpm test`) also type-checks and fails on a bundle that is off-target.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { bundle, root } from "./bundle.ts";

const check = process.argv.includes("--check");
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

/** Target of W1–W4 together, Lit included (bench/widgets prints the same figure). */
export const GZIP_BUDGET = 12 * 1024;

rmSync(`${root}dist`, { recursive: true, force: true });
if (check) run(bin("tsc"), ["-p", "."]);
await bundle();
run(bin("cem"), [
  "analyze",
  "--litelement",
  "--globs",
  "src/**/*.ts",
  "--exclude",
  "src/**/*.test.ts",
  "--outdir",
  "dist",
]);
run(bin("tsc"), ["-p", "tsconfig.build.json"]);

const code = readFileSync(`${root}dist/partner-trust.js`);
const gzip = gzipSync(code, { level: 9 }).length;
console.log(`dist/partner-trust.js: ${code.length} B, ${gzip} B gzip (budget ${GZIP_BUDGET} B)`);
if (check) {
  const text = code.toString();
  const problems = [
    gzip > GZIP_BUDGET && `bundle is ${gzip} B gzip, over the ${GZIP_BUDGET} B budget`,
    /(^|[^\w$.])@(property|state)\(/.test(text) && "decorators left uncompiled",
    !["pt-partner-badge", "pt-competency-emblems", "pt-quality-seal", "pt-powered-by"].every((tag) =>
      text.includes(`"${tag}"`),
    ) && "a custom element is not registered",
  ].filter(Boolean);
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
}
