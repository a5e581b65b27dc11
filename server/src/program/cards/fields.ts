// R1.4a, R6.3a: the card's list fields and the portal domain — one normalisation each, used by the
// card edit's validation and by the start-up move of the old single values into the lists.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** A Russian phone number in E.164 (`+74952291441`), or null when it is not a valid Russian number. */
export function normaliseRuPhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), "RU");
  if (parsed?.country !== "RU" || !parsed.isValid()) return null;
  return parsed.number;
}

/**
 * R6.3a: a Bitrix24 cloud portal is `<name>.bitrix24.<zone>`; the partner may paste the portal's URL.
 * Lower-case host, or null when it is not a portal address.
 */
export function normalisePortal(input: string): string | null {
  let host = input.trim().toLowerCase();
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(host) ? host : `https://${host}`).hostname;
  } catch {
    return null;
  }
  return portalHost.test(host) ? host : null;
}

// The zones Bitrix24 serves cloud portals under.
const portalZones = [
  "ru",
  "by",
  "kz",
  "ua",
  "com",
  "de",
  "eu",
  "es",
  "fr",
  "it",
  "pl",
  "uk",
  "in",
  "cn",
  "jp",
  "id",
  "vn",
  "co",
  "com.br",
  "com.tr",
  "site",
];
const portalHost = new RegExp(
  `^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.bitrix24\\.(?:${portalZones.map((z) => z.replace(".", "\\.")).join("|")})$`,
);

/** Keeps the first of equal values, in order. */
export const unique = (values: string[]) => [...new Set(values)];
