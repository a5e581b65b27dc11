// What a page fetcher returns and throws — shared by the Node fetcher and the browser one.
import type { HeaderMap } from "../page.ts";

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  headers: HeaderMap;
  body: Uint8Array;
  truncated: boolean;
  redirects: string[];
}

export type FetchErrorCode = "blocked" | "timeout" | "redirects" | "network" | "url";

export class FetchError extends Error {
  override name = "FetchError";
  readonly code: FetchErrorCode;
  readonly url: string;
  constructor(code: FetchErrorCode, url: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.url = url;
  }
}
