// Russian postal address normalisation for A2: abbreviations, punctuation, ё→е and word order.
// «ул. Тверская, д. 7» and «Тверская улица, дом 7» both give "д:7 тверская ул".

/** Words naming a street type (kept as tokens) — canonical form first. */
const STREET_TYPES: Array<[string, string[]]> = [
  ["ул", ["ул", "улица"]],
  ["пр-т", ["пр-т", "пр", "просп", "проспект", "пр-кт"]],
  ["пер", ["пер", "переулок"]],
  ["ш", ["ш", "шоссе"]],
  ["б-р", ["б-р", "бульв", "бульвар"]],
  ["наб", ["наб", "набережная"]],
  ["пл", ["пл", "площадь"]],
  ["проезд", ["проезд", "пр-д"]],
  ["мкр", ["мкр", "мкрн", "микрорайон"]],
  ["туп", ["туп", "тупик"]],
];

/** Designators whose value is the next token (д. 7 → "д:7"). */
const NUMBERED: Array<[string, string[]]> = [
  ["д", ["д", "дом", "вл", "влад", "владение"]],
  ["корп", ["корп", "корпус", "к"]],
  ["стр", ["стр", "строение", "с"]],
  ["оф", ["оф", "офис"]],
  ["кв", ["кв", "квартира"]],
  ["пом", ["пом", "помещение"]],
  ["эт", ["эт", "этаж"]],
  ["лит", ["лит", "литера"]],
];

/** Words dropped: settlement/region markers, country, filler. */
const DROPPED = new Set([
  "г",
  "город",
  "гор",
  "обл",
  "область",
  "р-н",
  "район",
  "респ",
  "республика",
  "край",
  "россия",
  "рф",
  "российская",
  "федерация",
  "адрес",
  "н",
  "№",
  "no",
  "пос",
  "поселок",
  "п",
]);

const streetTypeOf = new Map<string, string>();
for (const [canon, forms] of STREET_TYPES) for (const f of forms) streetTypeOf.set(f, canon);
const numberedOf = new Map<string, string>();
for (const [canon, forms] of NUMBERED) for (const f of forms) numberedOf.set(f, canon);

export function addressTokens(address: string): string[] {
  const text = address
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/\b\d{6}\b/g, " ") // postcode
    .replace(/(\d)([а-я])\b/g, "$1 $2") // "7к2" → "7 к2"? keep letters of house numbers below
    .replace(/[«»"“”„'‘’(),;:]/g, " ")
    .replace(/\./g, ". ");
  const raw = text
    .split(/\s+/)
    .map((t) => t.replace(/\.$/, ""))
    .filter((t) => t !== "" && t !== "-");
  const out: string[] = [];
  let pending: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    // "д7", "стр2", "к2" written together
    const glued = /^([а-я-]+?)(\d[\dа-я/-]*)$/.exec(t);
    if (glued && numberedOf.has(glued[1]!)) {
      out.push(`${numberedOf.get(glued[1]!)}:${glued[2]}`);
      continue;
    }
    if (numberedOf.has(t)) {
      pending = numberedOf.get(t);
      continue;
    }
    if (pending) {
      out.push(`${pending}:${t}`);
      pending = undefined;
      continue;
    }
    if (DROPPED.has(t)) continue;
    t = streetTypeOf.get(t) ?? t;
    if (/^\d/.test(t)) {
      // A bare number after the street is the house number.
      if (!out.some((o) => o.startsWith("д:"))) out.push(`д:${t}`);
      else out.push(t);
      continue;
    }
    out.push(t);
  }
  return out.sort();
}

/** A canonical key: equal keys mean the same address. */
export function normaliseAddress(address: string): string {
  return addressTokens(address).join(" ");
}

const STREET_CANON = new Set(STREET_TYPES.map(([c]) => c));

/** Same address: equal keys, or equal once the street type is dropped when one side does not name it. */
export function sameAddress(a: string, b: string): boolean {
  const ta = addressTokens(a);
  const tb = addressTokens(b);
  if (ta.join(" ") === tb.join(" ")) return true;
  const hasType = (t: string[]) => t.some((x) => STREET_CANON.has(x));
  if (hasType(ta) && hasType(tb)) return false;
  const strip = (t: string[]) => t.filter((x) => !STREET_CANON.has(x)).join(" ");
  return strip(ta) === strip(tb);
}

/** Share of tokens in common (Jaccard), for "nearest card value". */
export function addressSimilarity(a: string, b: string): number {
  const sa = new Set(addressTokens(a));
  const sb = new Set(addressTokens(b));
  let common = 0;
  for (const t of sa) if (sb.has(t)) common++;
  const union = sa.size + sb.size - common;
  return union === 0 ? 1 : common / union;
}

/** Whether a line of text looks like a street address (a street word and a number). */
export function looksLikeAddress(text: string): boolean {
  const t = ` ${text.toLowerCase().replace(/ё/g, "е")} `;
  return (
    /[\s,.(](ул|улица|пр-т|просп|проспект|пер|переулок|шоссе|б-р|бульвар|наб|набережная|пл|площадь|проезд|мкр)[\s.,]/.test(
      t,
    ) && /\d/.test(t)
  );
}
