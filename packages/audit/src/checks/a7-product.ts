// A7 (R5.4c): signs that the site runs on a vendor product at all, each with its evidence.
import { cssPath } from "../dom/selector.ts";
import type { Evidence, Finding } from "../finding.ts";
import { msg } from "../finding.ts";
import { headerValue, headerValues } from "../page.ts";
import { type SiteInput, viewOf } from "../site.ts";

const ASSET = /\/bitrix\/(js|templates|cache|components|panel|tools)\//;
const SCRIPT =
  /\bBX\.(message|setJSList|setCSSList|ready|namespace|Runtime)\b|\bbxSession\b|\bBX\s*=|\bBX\.\w+\(/;

export function checkProduct(input: SiteInput): Finding {
  const signals: Evidence[] = [];
  const kinds = new Set<string>();
  for (const page of input.pages) {
    const url = page.url;
    const powered = headerValue(page.headers, "x-powered-cms");
    if (powered && /bitrix/i.test(powered)) {
      signals.push({ url, header: `X-Powered-CMS: ${powered}` });
      kinds.add("header");
    }
    const composite = headerValue(page.headers, "x-bitrix-composite");
    if (composite !== undefined) {
      signals.push({ url, header: `X-Bitrix-Composite: ${composite}` });
      kinds.add("header");
    }
    for (const cookie of headerValues(page.headers, "set-cookie")) {
      const name = cookie.split("=")[0]!.trim();
      if (/^BITRIX_SM_/i.test(name)) {
        signals.push({ url, header: `Set-Cookie: ${name}=…` });
        kinds.add("cookie");
        break;
      }
    }
    const view = viewOf(page, input);
    const assets = view.byTag("SCRIPT", "LINK", "IMG");
    for (const el of assets) {
      const ref = el.getAttribute("src") ?? el.getAttribute("href") ?? "";
      const m = ASSET.exec(ref);
      if (m) {
        if (!kinds.has(`asset:${m[1]}`)) signals.push({ url, selector: cssPath(el), excerpt: ref });
        kinds.add(`asset:${m[1]}`);
      }
    }
    for (const s of view.byTag("SCRIPT")) {
      if (s.hasAttribute("src")) continue;
      const text = s.textContent ?? "";
      const m = SCRIPT.exec(text);
      if (m) {
        if (!kinds.has("script")) signals.push({ url, selector: cssPath(s), excerpt: m[0] });
        kinds.add("script");
        break;
      }
    }
    if (kinds.size >= 4 && signals.length >= 8) break;
  }
  if (signals.length === 0 && !input.crawled)
    return {
      rule: "A7",
      verdict: "review",
      message: msg(
        "На этой странице признаков продукта 1С-Битрикс нет; остальные страницы сайта не проверены",
        "No sign of a 1C-Bitrix product on this page; the site's other pages were not checked",
      ),
      evidence: [{ url: input.url }],
    };
  if (signals.length === 0)
    return {
      rule: "A7",
      verdict: "fail",
      message: msg(
        "Признаков продукта 1С-Битрикс не найдено (заголовки, cookie BITRIX_SM_, /bitrix/, BX.)",
        "No sign of a 1C-Bitrix product (headers, BITRIX_SM_ cookies, /bitrix/ assets, BX. scripts)",
      ),
      evidence: [{ url: input.url }],
    };
  return {
    rule: "A7",
    verdict: "pass",
    message: msg(
      `Сайт работает на продукте 1С-Битрикс: признаков ${kinds.size}`,
      `The site runs on a 1C-Bitrix product: ${kinds.size} kinds of signals`,
    ),
    evidence: signals,
    details: { signals: [...kinds] },
  };
}
