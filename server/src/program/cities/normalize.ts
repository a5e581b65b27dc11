// R7.1b: a city's key, so a lead and a partner match whatever spelling each used ("СПб", "Питер",
// "St. Petersburg" → one key). Known cities come from `data.ts`; an unknown city keys on its normalised form.
import { type CityEntry, russianCities } from "./data.ts";

const cyrillicToLatin: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** Lower case, ё = е, no "г." / "город" prefix, punctuation and hyphens as single spaces. */
export function normaliseCity(input: string): string {
  return input
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[.,/\\\-–—()'"«»`’]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(город|гор|г|city of|city)\s+/, "")
    .trim();
}

/** The Latin transliteration of a (normalised) Cyrillic name. */
function transliterate(s: string): string {
  return [...s].map((ch) => cyrillicToLatin[ch] ?? ch).join("");
}

/**
 * Latin spellings vary by system (Yekaterinburg / Ekaterinburg, Nizhny / Nizhniy, Kh / H): fold the usual
 * variants so two systems' spellings of one name meet. "st" and "saint" are one word.
 */
function foldLatin(s: string): string {
  return s
    .replace(/\bsaint\b|\bsankt\b/g, "st")
    .replace(/\s+/g, "")
    .replace(/ye/g, "e")
    .replace(/yo/g, "e")
    .replace(/iy|yy|ij/g, "i")
    .replace(/kh/g, "h")
    .replace(/x/g, "ks")
    .replace(/[yj]/g, "i")
    .replace(/tz/g, "ts");
}

/** Every spelling's lookup keys: the normalised form and, for Latin or Cyrillic, the folded Latin form. */
function lookupKeys(spelling: string): string[] {
  const n = normaliseCity(spelling);
  if (!n) return [];
  const latin = /[а-я]/.test(n) ? transliterate(n) : n;
  return [n, `~${foldLatin(latin)}`];
}

function buildIndex(cities: readonly CityEntry[]): Map<string, string> {
  const index = new Map<string, string>();
  // The canonical names first, so an alias equal to another city's name never wins over it.
  for (const c of cities) for (const k of lookupKeys(c.name)) if (!index.has(k)) index.set(k, c.name);
  for (const c of cities)
    for (const a of c.aliases) for (const k of lookupKeys(a)) if (!index.has(k)) index.set(k, c.name);
  return index;
}

const index = buildIndex(russianCities);

/** The canonical Russian name of a known city, or undefined. */
export function knownCity(input: string): string | undefined {
  for (const k of lookupKeys(input)) {
    const name = index.get(k);
    if (name) return name;
  }
  return undefined;
}

/** R7.1b: the key two spellings of one city share: the known city's canonical name, else the normalised form. */
export function cityKey(input: string): string {
  const known = knownCity(input);
  return normaliseCity(known ?? input);
}

/** True when both name the same city. */
export const sameCity = (a: string, b: string) => cityKey(a) === cityKey(b);
