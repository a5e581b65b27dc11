// A page fetcher over the platform's fetch() — for the browser crawler (the extension); bounded in time and
// size like the Node fetcher. The browser itself decides what may be fetched (same-origin rules, host
// permissions), so there is no address guard here.
import { headersFromFetch } from "../page.ts";
import type { FetchLimits } from "./crawler.ts";
import { FetchError, type FetchResult } from "./types.ts";

export interface BrowserFetchOptions extends FetchLimits {
  /** Default "include": the moderator sees what the page's own cookies show. */
  credentials?: RequestCredentials;
}

async function readBounded(
  res: Response,
  maxBytes: number,
): Promise<{ body: Uint8Array; truncated: boolean }> {
  const reader = res.body?.getReader();
  if (!reader) return { body: new Uint8Array(), truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.length >= room) {
      chunks.push(value.subarray(0, room));
      size = maxBytes;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.length;
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return { body, truncated };
}

/** GET through fetch(): redirects followed by the browser, bounded time and size. */
export async function fetchPage(url: string, options: BrowserFetchOptions = {}): Promise<FetchResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError("url", url, `not a URL: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new FetchError("url", url, `only http and https are fetched: ${url}`);
  const timeoutMs = Math.max(1, Math.floor(options.timeoutMs ?? 15_000));
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const res = await fetch(parsed.href, {
      headers: {
        accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
        ...options.headers,
      },
      credentials: options.credentials ?? "include",
      redirect: "follow",
      signal,
    });
    const { body, truncated } = await readBounded(res, options.maxBytes ?? 5 * 1024 * 1024);
    const finalUrl = res.url || parsed.href;
    return {
      url,
      finalUrl,
      status: res.status,
      headers: headersFromFetch(res.headers),
      body,
      truncated,
      redirects: finalUrl !== parsed.href ? [parsed.href] : [],
    };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (timeout.aborted)
      throw new FetchError("timeout", url, `timed out after ${timeoutMs} ms`, { cause: e });
    throw new FetchError("network", url, `${url}: ${(e as Error).message}`, { cause: e });
  }
}
