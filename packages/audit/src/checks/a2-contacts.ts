// A2 (R1.4b): every contact shown on the site must be on the partner card (normalised comparison).
import { addressSimilarity, sameAddress } from "../contacts/address.ts";
import {
  type ContactKind,
  extractContacts,
  type FoundContact,
  normaliseEmail,
  normalisePhone,
} from "../contacts/extract.ts";
import { cssPath } from "../dom/selector.ts";
import type { Evidence, Finding } from "../finding.ts";
import { msg } from "../finding.ts";
import { type SiteInput, viewsOf } from "../site.ts";

export interface ContactMismatch {
  kind: ContactKind;
  site: string;
  siteNormalised: string;
  url: string;
  /** The nearest card value, if the card has any of this kind. */
  card?: string;
}

const KIND_RU: Record<ContactKind, string> = { phone: "телефон", email: "e-mail", address: "адрес" };

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function nearest<T>(items: readonly T[], score: (t: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const t of items) {
    const s = score(t);
    if (s < bestScore) {
      best = t;
      bestScore = s;
    }
  }
  return best;
}

function selectorOf(c: FoundContact): { selector?: string } {
  return c.element ? { selector: cssPath(c.element) } : {};
}

export function checkContacts(input: SiteInput): Finding {
  const card = input.card;
  const views = viewsOf(input);
  const found: FoundContact[] = views.flatMap(extractContacts);
  if (!card) {
    return {
      rule: "A2",
      verdict: "review",
      message: msg("Нет карточки партнёра: сравнивать не с чем", "No partner card: nothing to compare with"),
      evidence: found.slice(0, 20).map((c) => ({ url: c.url, ...selectorOf(c), excerpt: c.raw })),
      details: { found: found.length },
    };
  }
  const cardPhones = card.phones.map((p) => ({ raw: p, value: normalisePhone(p) ?? p }));
  const cardEmails = card.emails.map((e) => ({ raw: e, value: normaliseEmail(e) }));

  const seen = new Set<string>();
  const mismatches: ContactMismatch[] = [];
  const evidence: Evidence[] = [];
  const matchedEvidence: Evidence[] = [];
  for (const c of found) {
    const key = `${c.kind}:${c.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let matched: boolean;
    let near: string | undefined;
    if (c.kind === "phone") {
      matched = cardPhones.some((p) => p.value === c.value);
      near = nearest(cardPhones, (p) => levenshtein(p.value, c.value))?.raw;
    } else if (c.kind === "email") {
      matched = cardEmails.some((e) => e.value === c.value);
      near = nearest(cardEmails, (e) => levenshtein(e.value, c.value))?.raw;
    } else {
      matched = card.addresses.some((a) => sameAddress(a, c.value));
      near = nearest(card.addresses, (a) => -addressSimilarity(a, c.value));
    }
    if (matched && matchedEvidence.length < 10)
      matchedEvidence.push({ url: c.url, ...selectorOf(c), excerpt: `${c.raw} = ${c.value}` });
    if (!matched) {
      mismatches.push({
        kind: c.kind,
        site: c.raw,
        siteNormalised: c.value,
        url: c.url,
        ...(near !== undefined && { card: near }),
      });
      evidence.push({
        url: c.url,
        ...selectorOf(c),
        excerpt: `${c.raw} ≠ ${near ?? "—"}`,
      });
    }
  }
  const counts = { phones: 0, emails: 0, addresses: 0 };
  for (const k of seen) {
    if (k.startsWith("phone:")) counts.phones++;
    else if (k.startsWith("email:")) counts.emails++;
    else counts.addresses++;
  }
  if (seen.size === 0) {
    return {
      rule: "A2",
      verdict: "review",
      message: msg("На сайте не найдено ни одного контакта", "No contacts found on the site"),
      evidence: [{ url: input.url }],
      details: { pagesChecked: views.length, ...counts },
    };
  }
  if (mismatches.length === 0) {
    return {
      rule: "A2",
      verdict: "pass",
      message: msg(
        `Все контакты сайта есть в карточке (телефонов: ${counts.phones}, e-mail: ${counts.emails}, адресов: ${counts.addresses})`,
        `Every contact on the site is on the card (phones: ${counts.phones}, e-mails: ${counts.emails}, addresses: ${counts.addresses})`,
      ),
      evidence: matchedEvidence,
      details: { pagesChecked: views.length, ...counts },
    };
  }
  const list = (lang: "ru" | "en") =>
    mismatches
      .slice(0, 5)
      .map(
        (m) =>
          `${lang === "ru" ? KIND_RU[m.kind] : m.kind} ${m.site} (${lang === "ru" ? "в карточке" : "card"}: ${m.card ?? "—"})`,
      )
      .join(", ");
  return {
    rule: "A2",
    verdict: "fail",
    message: msg(
      `Контакты на сайте не совпадают с карточкой: ${list("ru")}`,
      `Contacts on the site do not match the card: ${list("en")}`,
    ),
    evidence,
    details: { pagesChecked: views.length, ...counts, mismatches },
  };
}
