// A6 (R5.4j–k): mirrors and aliases — a 64-bit simhash of the visible text, compared with other projects'.
import { normaliseText } from "../dom/text.ts";
import type { Finding } from "../finding.ts";
import { msg } from "../finding.ts";
import { type SiteInput, viewOf } from "../site.ts";

const SHINGLE = 3;
/** Similarity at or above which two pages are near-duplicates (≤ 6 of 64 bits differ). */
export const NEAR_DUPLICATE = 0.9;

// FNV-1a, 32-bit, with two seeds for 64 bits.
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche (murmur3 fmix32)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64-bit simhash over word 3-shingles of the (normalised) text, as 16 hex digits. */
export function fingerprintText(text: string, normalised = false): string {
  const words = (normalised ? text : normaliseText(text))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  // Hash each word once; a shingle's hash mixes its words' hashes.
  const wh = words.map((w) => fnv(w, 0x811c9dc5));
  const v = new Int32Array(64);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    let a = 0x9e3779b9;
    for (let j = i; j < i + SHINGLE && j < wh.length; j++) a = mix(a, wh[j]!);
    const hi = mix(a, 0x85ebca6b);
    const lo = mix(a, 0xc2b2ae35);
    for (let b = 0; b < 32; b++) {
      v[b]! += (hi >>> b) & 1 ? 1 : -1;
      v[32 + b]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) hi |= 1 << b;
    if (v[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

function mix(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = (h ^ x) >>> 0;
  y = (y << 13) | (y >>> 19);
  y = (Math.imul(y, 5) + 0xe6546b64) >>> 0;
  y ^= y >>> 16;
  y = Math.imul(y, 0x85ebca6b);
  y ^= y >>> 13;
  y = Math.imul(y, 0xc2b2ae35);
  y ^= y >>> 16;
  return y >>> 0;
}

function popcount(x: number): number {
  let c = 0;
  let y = x >>> 0;
  while (y) {
    y &= y - 1;
    c++;
  }
  return c;
}

/** Similarity of two fingerprints: 1 − (differing bits / 64). */
export function compareFingerprints(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b))
    throw new Error("fingerprint: 16 hex digits expected");
  const d =
    popcount(Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) +
    popcount(Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16));
  return 1 - d / 64;
}

export function checkMirror(input: SiteInput): Finding {
  const start = input.pages[0];
  if (!start) throw new Error("checkMirror: no pages");
  const fingerprint = fingerprintText(viewOf(start, input).normalisedText(), true);
  const others = input.fingerprints ?? [];
  if (others.length === 0)
    return {
      rule: "A6",
      verdict: "review",
      message: msg(
        "Нет отпечатков других проектов для сравнения",
        "No other projects' fingerprints to compare with",
      ),
      evidence: [{ url: start.url, excerpt: fingerprint }],
      details: { fingerprint },
    };
  const similar = others
    .map((o) => ({ ...o, similarity: compareFingerprints(fingerprint, o.fingerprint) }))
    .filter((o) => o.similarity >= NEAR_DUPLICATE && new URL(o.url).host !== new URL(start.url).host)
    .sort((a, b) => b.similarity - a.similarity);
  if (similar.length === 0)
    return {
      rule: "A6",
      verdict: "pass",
      message: msg(
        `Совпадений с ${others.length} другими проектами нет`,
        `No match with ${others.length} other projects`,
      ),
      evidence: [{ url: start.url, excerpt: fingerprint }],
      details: { fingerprint },
    };
  const top = similar[0]!;
  return {
    rule: "A6",
    verdict: "review",
    message: msg(
      `Содержимое почти совпадает с проектом ${top.project} (${top.url}), сходство ${Math.round(top.similarity * 100)}%`,
      `The content nearly matches project ${top.project} (${top.url}), similarity ${Math.round(top.similarity * 100)}%`,
    ),
    evidence: [
      { url: start.url, excerpt: fingerprint },
      ...similar.map((s) => ({ url: s.url, excerpt: s.fingerprint })),
    ],
    details: { fingerprint, similar },
  };
}
