// A3 (R5.4f): the hash a 1C-Bitrix site sends for its license key — DOM-free, so the server can import it
// (`@partner-trust/audit/license`) to hand out hashes instead of raw keys.
import { md5 } from "@noble/hashes/legacy.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** The hash the product sends for a key: md5("BITRIX" + key + "LICENCE"), lower-case hex. */
export function licenseHash(key: string): string {
  return bytesToHex(md5(utf8ToBytes(`BITRIX${key.trim()}LICENCE`)));
}
