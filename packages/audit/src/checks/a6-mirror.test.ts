import { describe, expect, it } from "vitest";
import { pageFromHtml } from "../../test/server.ts";
import { checkMirror, compareFingerprints, fingerprintText, NEAR_DUPLICATE, wordsOf } from "./a6-mirror.ts";

const words = (seed: number, n: number) => {
  let x = seed;
  const out: string[] = [];
  const vocab =
    "сайт разработка магазин поддержка интеграция клиент проект дизайн каталог услуга цена доставка заказ компания команда опыт год город москва решение продукт".split(
      " ",
    );
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(vocab[x % vocab.length]!);
  }
  return out.join(" ");
};

describe("A6 (R5.4j–k) mirror fingerprint", () => {
  const text = words(1, 300);
  it("is 16 hex digits and stable", () => {
    expect(fingerprintText(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintText(text)).toBe(fingerprintText(`  ${text.toUpperCase()} `));
  });
  it("near-duplicates are similar, different texts are not", () => {
    const edited = text.replace(/^(\S+ \S+ \S+)/, "$1 новинка");
    expect(compareFingerprints(fingerprintText(text), fingerprintText(edited))).toBeGreaterThanOrEqual(
      NEAR_DUPLICATE,
    );
    expect(compareFingerprints(fingerprintText(text), fingerprintText(words(2, 300)))).toBeLessThan(
      NEAR_DUPLICATE,
    );
    expect(compareFingerprints("ffffffffffffffff", "0000000000000000")).toBe(0);
    expect(compareFingerprints("00000000000000ff", "0000000000000000")).toBe(1 - 8 / 64);
  });
  it("flags a near-duplicate of another project for review, with its URL", () => {
    const page = pageFromHtml(`<body><p>${text}</p></body>`, "https://mirror.ru/");
    const other = {
      project: "P-17",
      url: "https://original.ru/",
      fingerprint: fingerprintText(`${text} конец`),
    };
    const f = checkMirror({ url: page.url, pages: [page], crawled: false, fingerprints: [other] });
    expect(f.verdict).toBe("review");
    expect(f.message.en).toContain("https://original.ru/");
    expect(f.evidence.map((e) => e.url)).toContain("https://original.ru/");
  });
  it("passes when no other project is similar; review when there is nothing to compare", () => {
    const page = pageFromHtml(`<body><p>${text}</p></body>`, "https://mirror.ru/");
    const other = { project: "P-2", url: "https://other.ru/", fingerprint: fingerprintText(words(3, 300)) };
    expect(checkMirror({ url: page.url, pages: [page], crawled: false, fingerprints: [other] }).verdict).toBe(
      "pass",
    );
    expect(checkMirror({ url: page.url, pages: [page], crawled: false }).verdict).toBe("review");
  });
  it("hidden text does not count", () => {
    const a = pageFromHtml(`<body><p>${text}</p></body>`, "https://a.ru/");
    const b = pageFromHtml(`<body><p>${text}</p><div hidden>${words(9, 2000)}</div></body>`, "https://b.ru/");
    const fa = checkMirror({ url: a.url, pages: [a], crawled: false }).details?.fingerprint;
    const fb = checkMirror({ url: b.url, pages: [b], crawled: false }).details?.fingerprint;
    expect(fa).toBe(fb);
  });
});

describe("A6 word split", () => {
  it("gives exactly the runs of \\p{L}\\p{N} (surrogate pairs, combining marks, lone surrogates)", () => {
    const pool = [
      "a",
      "Я",
      " ",
      "-",
      "1",
      "\u0483",
      "\u00a0",
      "😀",
      "𝐀",
      "\ud800",
      "\udc00",
      "中",
      "ё",
      "\u0301",
      "٣",
    ];
    let x = 7;
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let i = 0; i < n % 13; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        text += pool[x % pool.length];
      }
      expect(wordsOf(text)).toEqual(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0));
    }
  });
});
