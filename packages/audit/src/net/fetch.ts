// A guarded HTTP(S) fetcher for audits. It uses node:http/https with a custom `lookup`, so the address
// actually connected to is the one checked (no gap between a DNS check and the connect, DNS rebinding
// included), Host and TLS SNI stay the URL's host (which is what --resolve needs), and no dependency is
// added. Every redirect hop goes through the same guard; time and size are bounded.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import type { HeaderMap } from "../page.ts";
import { BlockedAddressError, isForbiddenAddress } from "./guard.ts";
import type { ResolveMap } from "./resolve.ts";
import { FetchError, type FetchResult } from "./types.ts";

export { decodeHtml } from "./decode.ts";
export { FetchError, type FetchErrorCode, type FetchResult } from "./types.ts";

export interface FetchOptions {
  /** Allow loopback/private/link-local/reserved addresses (tests, --allow-private). */
  allowPrivate?: boolean;
  /** Host names (not addresses) whose private addresses are allowed — e.g. a test host mapped by `resolve`. */
  allowPrivateHosts?: readonly string[];
  /** HOST → ADDRESS, like curl's --resolve. */
  resolve?: ResolveMap;
  /** Whole request including redirects; default 15 s. */
  timeoutMs?: number;
  /** Decoded body bytes kept; the rest is cut off and `truncated` set. Default 5 MB. */
  maxBytes?: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export const USER_AGENT = "PartnerTrustAudit/0.1 (+https://www.1c-bitrix.ru/partners/)";

function guardedLookup(options: FetchOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const host = hostname.toLowerCase();
    const pinned = options.resolve?.get(host);
    const done = (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 4);
      const trusted = options.allowPrivate || options.allowPrivateHosts?.includes(host);
      const allowed = trusted ? addresses : addresses.filter((a) => !isForbiddenAddress(a.address));
      if (allowed.length === 0)
        return callback(new BlockedAddressError(host, addresses[0]?.address ?? "?"), "", 4);
      if (lookupOptions.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    };
    if (pinned) return done(null, [{ address: pinned, family: isIP(pinned) as 4 | 6 }]);
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => done(err, addresses ?? []));
  };
}

function requestOnce(
  url: URL,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<{ status: number; headers: HeaderMap; body: Uint8Array; truncated: boolean }> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    const trusted = options.allowPrivate || options.allowPrivateHosts?.includes(literal);
    if (isIP(literal) && !trusted && isForbiddenAddress(literal))
      return reject(new BlockedAddressError(literal, literal));
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request(url, {
      method: "GET",
      lookup: guardedLookup(options),
      signal,
      agent: false,
      headers: {
        "user-agent": USER_AGENT,
        accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
        "accept-encoding": "gzip, deflate, br",
        ...options.headers,
      },
    });
    req.on("error", reject);
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const headers = res.headers as HeaderMap;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ status, headers, body: new Uint8Array(), truncated: false });
      }
      const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
      let stream: NodeJS.ReadableStream = res;
      if (encoding === "gzip" || encoding === "x-gzip") stream = res.pipe(zlib.createGunzip());
      else if (encoding === "deflate") stream = res.pipe(zlib.createInflate());
      else if (encoding === "br") stream = res.pipe(zlib.createBrotliDecompress());
      const chunks: Buffer[] = [];
      let size = 0;
      let finished = false;
      const finish = (truncated: boolean) => {
        if (finished) return;
        finished = true;
        resolve({ status, headers, body: new Uint8Array(Buffer.concat(chunks)), truncated });
      };
      stream.on("data", (chunk: Buffer) => {
        if (finished) return;
        const room = maxBytes - size;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          size = maxBytes;
          finish(true);
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on("end", () => finish(false));
      stream.on("error", (e) => (finished ? undefined : reject(e)));
      res.on("error", (e) => (finished ? undefined : reject(e)));
    });
    req.end();
  });
}

/** GET with the SSRF guard on every hop, bounded time, size and redirects. */
export async function safeFetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = Math.max(1, Math.floor(options.timeoutMs ?? 15_000));
  const maxRedirects = options.maxRedirects ?? 5;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const redirects: string[] = [];
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchError("url", url, `not a URL: ${url}`);
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== "http:" && current.protocol !== "https:")
      throw new FetchError("url", current.href, `only http and https are fetched: ${current.href}`);
    let res: Awaited<ReturnType<typeof requestOnce>>;
    try {
      res = await requestOnce(current, options, signal);
    } catch (e) {
      if (e instanceof BlockedAddressError)
        throw new FetchError("blocked", current.href, e.message, { cause: e });
      if (timeout.aborted)
        throw new FetchError("timeout", current.href, `timed out after ${timeoutMs} ms`, { cause: e });
      throw new FetchError("network", current.href, `${current.href}: ${(e as Error).message}`, { cause: e });
    }
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && typeof location === "string") {
      if (hop >= maxRedirects)
        throw new FetchError("redirects", current.href, `more than ${maxRedirects} redirects`);
      redirects.push(current.href);
      current = new URL(location, current);
      continue;
    }
    return {
      url,
      finalUrl: current.href,
      status: res.status,
      headers: res.headers,
      body: res.body,
      truncated: res.truncated,
      redirects,
    };
  }
}
