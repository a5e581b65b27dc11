// A3 (R5.4f): the license key behind `X-Powered-CMS: Bitrix Site Manager (<md5("BITRIX"+key+"LICENCE")>|DEMO)`.
import type { Finding } from "../finding.ts";
import { msg } from "../finding.ts";
import { licenseHash } from "../license.ts";
import { type HeaderMap, headerValue } from "../page.ts";
import type { SiteInput } from "../site.ts";

export { licenseHash };

export type PoweredBy = { kind: "demo" } | { kind: "hash"; hash: string } | { kind: "other"; value: string };

export function parsePoweredBy(value: string): PoweredBy {
  const m = /^\s*Bitrix Site Manager\s*\(\s*([^)]*?)\s*\)\s*$/i.exec(value);
  if (!m) return { kind: "other", value };
  if (m[1]!.toUpperCase() === "DEMO") return { kind: "demo" };
  if (/^[0-9a-f]{32}$/i.test(m[1]!)) return { kind: "hash", hash: m[1]!.toLowerCase() };
  return { kind: "other", value };
}

/** True when a response came from the composite cache and may lack X-Powered-CMS. */
export function isCompositeCached(headers: HeaderMap): boolean {
  return headerValue(headers, "x-bitrix-composite") !== undefined;
}

/** How a fetcher asks for the same page bypassing the composite cache (no BX-ACTION-TYPE header). */
export function uncachedRequest(url: string): { url: string; headers: Record<string, string> } {
  const u = new URL(url);
  u.searchParams.set("ncc", "1"); // Bitrix: "no composite cache"
  return { url: u.toString(), headers: { "cache-control": "no-cache", pragma: "no-cache" } };
}

export function checkLicense(input: SiteInput): Finding {
  const start = input.pages[0];
  if (!start) throw new Error("checkLicense: no pages");
  // The start page, or the first page that carries the header, or the uncached re-request.
  const withHeader = input.pages.find((p) => headerValue(p.headers, "x-powered-cms") !== undefined);
  const source = input.uncached ?? withHeader ?? start;
  const value = headerValue(source.headers, "x-powered-cms");
  const keys = input.knownKeys ?? [];
  if (value === undefined) {
    if (!input.uncached && isCompositeCached(start.headers)) {
      return {
        rule: "A3",
        verdict: "review",
        message: msg(
          "Страница из композитного кеша без X-Powered-CMS: нужен повторный запрос без кеша",
          "Page served from the composite cache without X-Powered-CMS: re-request uncached",
        ),
        evidence: [
          {
            url: start.url,
            header: `X-Bitrix-Composite: ${headerValue(start.headers, "x-bitrix-composite")}`,
          },
        ],
        details: { action: "refetch-uncached", request: uncachedRequest(start.url) },
      };
    }
    return {
      rule: "A3",
      verdict: "fail",
      message: msg(
        "Нет заголовка X-Powered-CMS: ключ не активирован или заголовок отключён",
        "No X-Powered-CMS header: the key is not activated or the header is turned off",
      ),
      evidence: [{ url: source.url, header: "X-Powered-CMS: —" }],
    };
  }
  const evidence = [{ url: source.url, header: `X-Powered-CMS: ${value}` }];
  const parsed = parsePoweredBy(value);
  if (parsed.kind === "demo")
    return {
      rule: "A3",
      verdict: "fail",
      message: msg("Сайт работает на демо-ключе (DEMO)", "The site runs on a demo key (DEMO)"),
      evidence,
      details: { key: "demo" },
    };
  if (parsed.kind === "other")
    return {
      rule: "A3",
      verdict: "review",
      message: msg(
        `Непонятное значение X-Powered-CMS: ${value}`,
        `Unrecognised X-Powered-CMS value: ${value}`,
      ),
      evidence,
    };
  const match = keys.find(
    (k) => (k.hash !== undefined ? k.hash.toLowerCase() : licenseHash(k.key)) === parsed.hash,
  );
  if (match?.expected)
    return {
      rule: "A3",
      verdict: "pass",
      message: msg(`Ключ совпадает: ${match.label}`, `The key matches: ${match.label}`),
      evidence,
      details: { hash: parsed.hash, key: match.label },
    };
  if (match)
    return {
      rule: "A3",
      verdict: "fail",
      message: msg(
        `Сайт работает на другом известном ключе: ${match.label}`,
        `The site runs on another known key: ${match.label}`,
      ),
      evidence,
      details: { hash: parsed.hash, key: match.label },
    };
  if (!keys.some((k) => k.expected))
    return {
      rule: "A3",
      verdict: "review",
      message: msg(
        "Ключ активирован, но зарегистрированный ключ проекта не передан: сравнить не с чем",
        "The key is activated, but no registered project key was given to compare with",
      ),
      evidence,
      details: { hash: parsed.hash, key: null },
    };
  return {
    rule: "A3",
    verdict: "fail",
    message: msg(
      "Сайт работает на неизвестном ключе, не на зарегистрированном",
      "The site runs on an unknown key, not the registered one",
    ),
    evidence,
    details: { hash: parsed.hash, key: null },
  };
}
