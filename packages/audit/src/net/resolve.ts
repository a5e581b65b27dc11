// `--resolve HOST:ADDRESS` (curl-style; HOST:PORT:ADDRESS is accepted too, the port is ignored).
import { isIP } from "node:net";

export type ResolveMap = ReadonlyMap<string, string>;

export function parseResolve(entries: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const i = entry.indexOf(":");
    if (i <= 0) throw new Error(`--resolve: expected HOST:ADDRESS, got "${entry}"`);
    const host = entry.slice(0, i).toLowerCase();
    let address = entry.slice(i + 1).replace(/^\[|\]$/g, "");
    if (!isIP(address)) {
      const withPort = /^\d+:\[?([^\]]+)\]?$/.exec(address);
      if (withPort && isIP(withPort[1]!)) address = withPort[1]!;
      else throw new Error(`--resolve: "${entry.slice(i + 1)}" is not an IP address`);
    }
    map.set(host, address);
  }
  return map;
}
