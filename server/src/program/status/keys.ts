// R6.1a: status NFR keys "Site Management — Business": random, unique license keys.
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I or O: keys are read aloud and typed

/** e.g. "NFR-7K2QF-XW93D-0PZ4M-RT8HV": 100 random bits; the column is unique as well. Sold keys: prefix "LIC". */
export function newLicenseKey(prefix = "NFR"): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${prefix}-${group()}-${group()}-${group()}-${group()}`;
}

/** R6.1a: the edition of status keys. */
export const STATUS_KEY_EDITION = "business";
