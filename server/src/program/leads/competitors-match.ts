// R7.1e: which competing platforms a proposal's text names (whole-word matches over the data list).
import { competingPlatforms } from "./competitors.ts";

const fold = (s: string) => s.toLowerCase().replace(/ё/g, "е");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A Cyrillic spelling of five letters or more is also found declined ("на Тильде", "вордпрессом"): its stem
 * (without a final vowel) takes up to three more letters. Short ones ("уми", "викс") only as written.
 */
function spellingPattern(spelling: string): string {
  const s = fold(spelling);
  const body = (x: string) => escapeRegExp(x).replace(/\s+/g, "[\\s\\-]*");
  if (/[а-я]$/.test(s) && s.length >= 5) return `${body(s.replace(/[аяоеьйы]$/, ""))}[а-я]{0,3}`;
  return body(s);
}

// A spelling counts only between non-letters, so "wp" never matches inside "wpa" and "уми" not in "умиротворение".
const matchers = competingPlatforms.map((p) => ({
  name: p.name,
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${p.spellings.map(spellingPattern).join("|")})(?![\\p{L}\\p{N}])`,
    "u",
  ),
}));

/** The names of the competing platforms the text mentions, in list order; empty when none. */
export function competitorsNamed(text: string): string[] {
  const t = fold(text);
  return matchers.filter((m) => m.pattern.test(t)).map((m) => m.name);
}
