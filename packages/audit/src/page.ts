// What a check reads: one page's DOM, response headers and URL — the same in the browser and in Node.

/** Response headers with lower-case names; repeated headers (Set-Cookie) as arrays. */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface PageSnapshot {
  url: string;
  status: number;
  headers: HeaderMap;
  document: Document;
}

export function headerValues(headers: HeaderMap, name: string): string[] {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : [...value];
}

export function headerValue(headers: HeaderMap, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/** Builds a HeaderMap from a fetch() `Headers` object (browser or Node). */
export function headersFromFetch(headers: Headers): HeaderMap {
  const out: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  return out;
}
