// R7.1e: which competing platforms a proposal's text names — whole-word matches, case-insensitive, ё = е —
// over the list it is given (the active rows of competing_platforms: program/competitors/platforms.ts).
export type CompetitorEntry = { name: string; spellings: readonly string[] };

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
const matcher = (p: CompetitorEntry) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${p.spellings.map(spellingPattern).join("|")})(?![\\p{L}\\p{N}])`, "u");

/** The names of the platforms of `platforms` the text mentions, in list order; empty when none. */
export function competitorsNamed(text: string, platforms: readonly CompetitorEntry[]): string[] {
  const t = fold(text);
  return platforms.filter((p) => p.spellings.length > 0 && matcher(p).test(t)).map((p) => p.name);
}
