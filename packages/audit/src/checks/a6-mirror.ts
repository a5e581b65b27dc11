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

const WORD = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit: 1 a word character (\p{L} or \p{N}), 2 not — learnt from WORD on first sight. */
const unitClass = new Uint8Array(0x10000);

/**
 * The runs of letters and digits (\p{L}, \p{N}) — what `text.split(/[^\p{L}\p{N}]+/u)` gives without its empty
 * ends, several times faster over a large page (the regex is asked once per distinct character).
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const low = c >= 0xd800 && c <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    const pair = low >= 0xdc00 && low <= 0xdfff; // a surrogate pair: one code point
    let word: boolean;
    if (pair) word = WORD.test(text.slice(i, i + 2));
    else {
      let k = unitClass[c]!;
      if (k === 0) {
        k = WORD.test(String.fromCharCode(c)) ? 1 : 2;
        unitClass[c] = k;
      }
      word = k === 1;
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
    if (pair) i++;
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** 64-bit simhash over word 3-shingles of the (normalised) text, as 16 hex digits. */
export function fingerprintText(text: string, normalised = false): string {
  const words = wordsOf(normalised ? text : normaliseText(text));
  // Hash each word once; a shingle's hash mixes its words' hashes.
  const wh = words.map((w) => fnv(w, 0x811c9dc5));
  // Per bit, the shingles that set it; the simhash bit is set when more than half do (+1/−1 votes summing > 0).
  // Counted 4 bits at a time: byte k of lanes[b] counts bit 8k+b of hi (lanes[8+b]: of lo), flushed before
  // a byte can overflow.
  const ones = new Int32Array(64);
  const lanes = new Int32Array(16);
  const flush = () => {
    for (let b = 0; b < 8; b++)
      for (let k = 0; k < 4; k++) {
        ones[8 * k + b]! += (lanes[b]! >>> (8 * k)) & 0xff;
        ones[32 + 8 * k + b]! += (lanes[8 + b]! >>> (8 * k)) & 0xff;
      }
    lanes.fill(0);
  };
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    let a = 0x9e3779b9;
    for (let j = i; j < i + SHINGLE && j < wh.length; j++) a = mix(a, wh[j]!);
    const hi = mix(a, 0x85ebca6b);
    const lo = mix(a, 0xc2b2ae35);
    for (let b = 0; b < 8; b++) {
      lanes[b]! += (hi >>> b) & 0x01010101;
      lanes[8 + b]! += (lo >>> b) & 0x01010101;
    }
    if (i % 255 === 254) flush();
  }
  flush();
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * ones[b]! > n) hi |= 1 << b;
    if (2 * ones[32 + b]! > n) lo |= 1 << b;
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
