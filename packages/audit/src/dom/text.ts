// Text normalisation shared by the checks: quotes, non-breaking spaces, dashes, ё, Latin/Cyrillic "1С".

const QUOTES = /[«»"“”„‟'‘’‚‛`″]/g;
const DASHES = /[‐‑‒–—―−]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

/** Lower-cased, quotes dropped, dashes unified, whitespace collapsed, ё→е, "1c" (Latin c) → "1с". */
export function normaliseText(text: string): string {
  return text
    .replace(QUOTES, "")
    .replace(DASHES, "-")
    .replace(SPACES, " ")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/1c/g, "1с")
    .replace(/\s*-\s*/g, "-")
    .replace(/\s*:\s*/g, ": ")
    .trim();
}

export function collapseSpaces(text: string): string {
  return text.replace(SPACES, " ").trim();
}

export function excerpt(text: string, max = 160): string {
  const t = collapseSpaces(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
