// Widget bundle size: dist/partner-trust.js (W1–W4 together, Lit included), gzip and brotli, against the target
// of ≤ 12 KB gzip. Run: pnpm --filter @partner-trust/bench bench:widgets (builds the widgets first).
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TARGET = 12 * 1024;
const file = new URL("../../widgets/dist/partner-trust.js", import.meta.url);

let code: Buffer;
try {
  code = readFileSync(file);
} catch {
  console.error(`No ${file.pathname}: run pnpm --filter @partner-trust/widgets build first.`);
  process.exit(1);
}

const gzip9 = gzipSync(code, { level: 9 }).length;
const gzip6 = gzipSync(code, { level: 6 }).length;
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
const met = Math.max(gzip9, gzip6) <= TARGET;

console.log(
  "Widgets bundle: dist/partner-trust.js (pt-partner-badge, pt-competency-emblems, pt-quality-seal, pt-powered-by + Lit)",
);
console.log(`  raw           ${String(code.length).padStart(7)} B  ${kb(code.length)}`);
console.log(`  gzip -9       ${String(gzip9).padStart(7)} B  ${kb(gzip9)}`);
console.log(`  gzip -6       ${String(gzip6).padStart(7)} B  ${kb(gzip6)}`);
console.log(`  brotli -q 11  ${String(brotli).padStart(7)} B  ${kb(brotli)}`);
console.log(
  `Target ≤ ${TARGET} B (12 KB) gzip: ${met ? "met" : "NOT met"} (${TARGET - Math.max(gzip9, gzip6)} B to spare)`,
);
if (!met) process.exitCode = 1;
