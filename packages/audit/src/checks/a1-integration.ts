// A1 (R6.2c): NFR integration content — on every page the visible «Работает на «1С-Битрикс: Управление
// сайтом»» with a link to www.1c-bitrix.ru; somewhere on the site a company description, services, the
// partner statement, a description of Site Manager covering every edition, and the vendor's logo.
import { SITE_MANAGER_EDITIONS } from "../data/editions.ts";
import { cssPath } from "../dom/selector.ts";
import { excerpt, normaliseText } from "../dom/text.ts";
import { type Evidence, type Finding, joinMessages, type Message, msg, worst } from "../finding.ts";
import { type FooterState, footerCandidates, footerStateOf } from "../footer.ts";
import { type PageView, type SiteInput, viewsOf } from "../site.ts";
import type { HiddenReason } from "../visibility/types.ts";

export { isVendorLink } from "../footer.ts";

const HIDDEN_RU: Record<HiddenReason, string> = {
  "hidden-attribute": "атрибут hidden",
  "aria-hidden": "aria-hidden",
  "display-none": "display: none",
  "visibility-hidden": "visibility: hidden",
  "opacity-0": "opacity: 0",
  "zero-size": "нулевой размер",
  "off-screen": "за пределами экрана",
  clipped: "обрезан (clip)",
  "transparent-text": "прозрачный цвет текста",
};

/** The page's footer state; its visible text (walked once for every check) is searched first. */
export function footerState(view: PageView): FooterState {
  const doc = view.page.document;
  const candidates = footerCandidates(doc.body ?? doc.documentElement, view.blocks());
  return footerStateOf(candidates, view.visibility, view.page.url);
}

/** A1 for one page: the footer text with its vendor link, visible. */
export function checkFooterOnPage(view: PageView): Finding {
  const url = view.page.url;
  const s = footerState(view);
  if (s.ok) {
    return {
      rule: "A1",
      verdict: "pass",
      message: msg(
        "Текст «Работает на «1С-Битрикс: Управление сайтом»» со ссылкой на www.1c-bitrix.ru виден",
        "The «Powered by 1C-Bitrix: Site Manager» text with a link to www.1c-bitrix.ru is visible",
      ),
      evidence: [
        { url, selector: cssPath(s.element), excerpt: excerpt(s.element.textContent ?? "") },
        { url, selector: cssPath(s.link), excerpt: s.link.getAttribute("href") ?? "" },
      ],
    };
  }
  const evidence: Evidence[] =
    s.problem === "missing"
      ? [{ url }]
      : [{ url, selector: cssPath(s.element), excerpt: excerpt(s.element.textContent ?? "") }];
  const hidden =
    s.problem !== "hidden"
      ? ""
      : HIDDEN_RU[s.reason] === s.reason
        ? s.reason
        : `${HIDDEN_RU[s.reason]} (${s.reason})`;
  const m: Record<typeof s.problem, Message> = {
    missing: msg(
      "Нет текста «Работает на «1С-Битрикс: Управление сайтом»»",
      "The «Powered by 1C-Bitrix: Site Manager» text is missing",
    ),
    hidden: msg(
      `Текст «Работает на «1С-Битрикс: Управление сайтом»» скрыт: ${hidden}`,
      `The «Powered by 1C-Bitrix: Site Manager» text is hidden: ${hidden}`,
    ),
    "no-link": msg(
      "Текст «Работает на…» есть, но без ссылки на www.1c-bitrix.ru",
      "The «Powered by…» text has no link to www.1c-bitrix.ru",
    ),
    "wrong-link": msg(
      `Ссылка при тексте «Работает на…» ведёт не на www.1c-bitrix.ru: ${s.problem === "wrong-link" ? s.href : ""}`,
      `The «Powered by…» link does not go to www.1c-bitrix.ru: ${s.problem === "wrong-link" ? s.href : ""}`,
    ),
  };
  return { rule: "A1", verdict: "fail", message: m[s.problem], evidence, details: { problem: s.problem } };
}

interface Item {
  key: string;
  label: Message;
  found?: Evidence;
}

const SERVICES = /(^|[^а-яa-z])(услуги|наши услуги|services)([^а-яa-z]|$)/;
const ABOUT = /(^|[^а-яa-z])(о компании|о нас|about us|about the company|компания)([^а-яa-z]|$)/;
const PARTNER = /партнер\S*\s+(?:компании\s+)?1с-битрикс|1с-bitrix partner|partner of 1с-bitrix/;
const LOGO = /1с-битрикс|1c-bitrix|1с-bitrix|битрикс|bitrix/i;

const EDITION_PATTERNS = new Map(
  SITE_MANAGER_EDITIONS.flatMap((e) =>
    e.names.map((name) => {
      // "бизнес" must not be the tail of "малый бизнес".
      const prefix = name === "бизнес" || name === "business" ? "(?<!малый |small )" : "";
      return [name, new RegExp(`${prefix}(^|[^а-яa-z])${name}([^а-яa-z]|$)`)] as const;
    }),
  ),
);

/** Text around a match, cut at word boundaries. */
function around(text: string, at: number): string {
  const from = text.lastIndexOf(" ", Math.max(0, at - 40));
  const to = text.indexOf(" ", at + 100);
  return text.slice(from < 0 ? 0 : from + 1, to < 0 ? text.length : to);
}

function findInPage(view: PageView, items: Map<string, Item>): void {
  const url = view.page.url;
  const text = view.normalisedText();
  const set = (key: string, ev: Evidence) => {
    const item = items.get(key);
    if (item && !item.found) item.found = ev;
  };
  const headings = [
    ...view.byTag("H1", "H2", "H3", "H4", "TITLE"),
    ...view.byTag("NAV", "HEADER").flatMap((n) => Array.from(n.getElementsByTagName("a"))),
  ];
  for (const h of headings) {
    if (h.tagName !== "TITLE" && !view.visibility.check(h).visible) continue;
    const t = normaliseText(h.textContent ?? "");
    if (ABOUT.test(t)) set("about", { url, selector: cssPath(h), excerpt: excerpt(h.textContent ?? "") });
    if (SERVICES.test(t))
      set("services", { url, selector: cssPath(h), excerpt: excerpt(h.textContent ?? "") });
  }
  const partner = PARTNER.exec(text);
  if (partner)
    set("partner", {
      url,
      excerpt: excerpt(around(text, partner.index)),
    });
  const product = text.indexOf("управление сайтом");
  if (product >= 0) {
    for (const edition of SITE_MANAGER_EDITIONS) {
      if (edition.names.some((n) => EDITION_PATTERNS.get(n)!.test(text)))
        set(`edition:${edition.id}`, { url });
    }
    if (SITE_MANAGER_EDITIONS.every((e) => items.get(`edition:${e.id}`)?.found))
      set("product", { url, excerpt: excerpt(around(text, product)) });
  }
  for (const img of view.byTag("IMG")) {
    const src = img.getAttribute("src") ?? "";
    const alt = img.getAttribute("alt") ?? "";
    if (
      (LOGO.test(alt) || /1c-bitrix|bitrix.*logo|logo.*bitrix/i.test(src)) &&
      view.visibility.check(img).visible
    )
      set("logo", { url, selector: cssPath(img), excerpt: `src=${src} alt=${alt}` });
  }
}

/** A1 over the site (one page or crawled pages); `pageFindings[i]` is the footer finding of pages[i]. */
export function checkIntegration(input: SiteInput): { finding: Finding; pageFindings: Finding[] } {
  const views = viewsOf(input);
  const pageFindings = views.map(checkFooterOnPage);
  const items = new Map<string, Item>(
    [
      { key: "about", label: msg("описание компании", "company description") },
      { key: "services", label: msg("перечень услуг", "list of services") },
      {
        key: "partner",
        label: msg("указание, что компания — партнёр 1С-Битрикс", "the 1C-Bitrix partner statement"),
      },
      {
        key: "product",
        label: msg(
          "описание «1С-Битрикс: Управление сайтом» со всеми редакциями",
          "a description of 1C-Bitrix: Site Manager covering every edition",
        ),
      },
      { key: "logo", label: msg("логотип 1С-Битрикс", "the 1C-Bitrix logo") },
      ...SITE_MANAGER_EDITIONS.map((e) => ({ key: `edition:${e.id}`, label: msg(e.names[0]!, e.id) })),
    ].map((i) => [i.key, i]),
  );
  for (const view of views) findInPage(view, items);
  const required = ["about", "services", "partner", "product", "logo"];
  const missing = required.map((k) => items.get(k)!).filter((i) => !i.found);
  const missingEditions = SITE_MANAGER_EDITIONS.filter((e) => !items.get(`edition:${e.id}`)?.found).map(
    (e) => e.id,
  );
  const footerFails = pageFindings.filter((f) => f.verdict === "fail");

  const problems: Message[] = [];
  if (footerFails.length > 0)
    problems.push(
      msg(
        `текст «Работает на…» отсутствует или неверен на ${footerFails.length} из ${views.length} стр.`,
        `the «Powered by…» text is missing or wrong on ${footerFails.length} of ${views.length} pages`,
      ),
    );
  if (missing.length > 0)
    problems.push(
      msg(
        `не найдено: ${missing.map((i) => i.label.ru).join(", ")}${missingEditions.length && missing.some((i) => i.key === "product") ? ` (нет редакций: ${missingEditions.join(", ")})` : ""}`,
        `not found: ${missing.map((i) => i.label.en).join(", ")}${missingEditions.length && missing.some((i) => i.key === "product") ? ` (editions missing: ${missingEditions.join(", ")})` : ""}`,
      ),
    );

  const evidence: Evidence[] = [
    ...footerFails.flatMap((f) => f.evidence),
    ...required.map((k) => items.get(k)!.found).filter((e): e is Evidence => e !== undefined),
  ];
  const details = {
    pagesChecked: views.length,
    footerFailures: footerFails.map((f) => f.evidence[0]?.url),
    found: Object.fromEntries(required.map((k) => [k, items.get(k)!.found !== undefined])),
    missingEditions,
  };

  let verdict = worst([footerFails.length > 0 ? "fail" : "pass", missing.length > 0 ? "fail" : "pass"]);
  let message = joinMessages(
    problems,
    msg("Все требования R6.2c к интеграции выполнены", "All R6.2c integration requirements are met"),
  );
  if (!input.crawled && footerFails.length === 0) {
    // One page cannot prove "on every page", nor that the site-wide content is absent elsewhere.
    verdict = "review";
    message = joinMessages(
      [
        ...problems,
        msg(
          "проверена одна страница: требование «на каждой странице» и содержимое остальных страниц не проверены",
          "one page checked: «on every page» and the content of other pages are not verified",
        ),
      ],
      msg("", ""),
    );
  }
  return { finding: { rule: "A1", verdict, message, evidence, details }, pageFindings };
}
