// A4 (R1.6b): the vendor's marks in the domain, normalised exactly as the R1.6b Decision says.
/// <reference path="../punycode.d.ts" />
import punycode from "punycode/punycode.es6.js";
import type { Finding } from "../finding.ts";
import { msg } from "../finding.ts";

// Cyrillic letters that look like Latin ones, folded to Latin (and a few Latin→Latin digit look-alikes).
const LOOKALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ɡ: "g",
  ı: "i",
  "1": "i",
  "0": "o",
};

const MARKS = ["bitrix", "битрикс"];
// "битрикс" after folding look-alikes becomes "битpикc"; compare against the folded form too.
const FOLDED_MARKS = MARKS.map((m) => foldLabel(m));

function foldLabel(label: string): string {
  let out = "";
  for (const ch of label) out += LOOKALIKES[ch] ?? ch;
  return out.replace(/[-_.]/g, "");
}

/**
 * R1.6b normalisation of a host: punycode → Unicode, lower-case, look-alikes folded (Cyrillic→Latin,
 * 1→i, 0→o), `-` `_` removed within each label. Returns the normalised labels.
 */
export function normaliseDomainLabels(host: string): string[] {
  const unicode = punycode.toUnicode(host.trim().toLowerCase().replace(/\.$/, ""));
  return unicode
    .toLowerCase()
    .split(".")
    .map((l) => foldLabel(l.normalize("NFC")));
}

/** The mark a host contains (R1.6b), or undefined. The server calls this whenever a partner adds a domain. */
export function trademarkInDomain(host: string): string | undefined {
  const labels = normaliseDomainLabels(host);
  for (const label of labels) {
    for (let i = 0; i < MARKS.length; i++) if (label.includes(FOLDED_MARKS[i]!)) return MARKS[i];
  }
  return undefined;
}

export function checkDomain(url: string, extraHosts: readonly string[] = []): Finding {
  const hosts = [new URL(url).hostname, ...extraHosts];
  const hits = hosts
    .map((h) => ({ host: h, mark: trademarkInDomain(h), normalised: normaliseDomainLabels(h).join(".") }))
    .filter((h) => h.mark);
  if (hits.length === 0)
    return {
      rule: "A4",
      verdict: "pass",
      message: msg("В домене нет товарных знаков 1С-Битрикс", "The domain contains no 1C-Bitrix marks"),
      evidence: hosts.map((h) => ({ url, excerpt: h })),
    };
  const list = hits.map((h) => h.host).join(", ");
  return {
    rule: "A4",
    verdict: "fail",
    message: msg(
      `Домен содержит товарный знак «${hits[0]!.mark}»: ${list}`,
      `The domain contains the mark "${hits[0]!.mark}": ${list}`,
    ),
    evidence: hits.map((h) => ({ url, excerpt: `${h.host} → ${h.normalised}` })),
    details: { hits },
  };
}
