// A5 (R6.2b): the site uses a design template shipped with the product (/bitrix/templates/<name>/).
import { STANDARD_TEMPLATES } from "../data/templates.ts";
import { attr } from "../dom/attr.ts";
import { cssPath } from "../dom/selector.ts";
import { allElements } from "../dom/walk.ts";
import type { Evidence, Finding } from "../finding.ts";
import { msg } from "../finding.ts";
import { type SiteInput, viewOf } from "../site.ts";

const ATTRIBUTES = ["href", "src", "srcset", "style"];
const TEMPLATE_PATH = /\/(?:bitrix|local)\/templates\/([^/"'?#\s)]+)\//g;
const STANDARD = new Set(STANDARD_TEMPLATES.map((t) => t.toLowerCase()));

export interface TemplateUse {
  name: string;
  url: string;
  element: Element;
  reference: string;
}

/** Template names referenced by a document's link/script/img/source/style attributes and <style> url()s. */
export function templateReferences(
  document: Document,
  url: string,
  elements: readonly Element[] = allElements(document.documentElement),
): TemplateUse[] {
  const out: TemplateUse[] = [];
  const scan = (text: string, el: Element) => {
    for (const m of text.matchAll(TEMPLATE_PATH)) {
      out.push({ name: safeDecode(m[1]!), url, element: el, reference: m[0] });
    }
  };
  for (const el of elements) {
    // localName (a plain property in linkedom, unlike tagName); Attr nodes (see dom/attr.ts).
    const style = el.localName === "style";
    if (!el.hasAttributes() && !style) continue;
    for (const name of ATTRIBUTES) {
      const v = attr(el, name);
      if (v?.includes("/templates/")) scan(v, el);
    }
    if (style) scan(el.textContent ?? "", el);
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function checkTemplate(input: SiteInput): Finding {
  const uses = input.pages.flatMap((p) => templateReferences(p.document, p.url, viewOf(p, input).elements()));
  const names = [...new Set(uses.map((u) => u.name))];
  const standard = names.filter((n) => STANDARD.has(n.toLowerCase()));
  const evidenceFor = (list: string[]): Evidence[] =>
    list.map((n) => {
      const u = uses.find((x) => x.name === n)!;
      return { url: u.url, selector: cssPath(u.element), excerpt: u.reference };
    });
  if (standard.length > 0)
    return {
      rule: "A5",
      verdict: "fail",
      message: msg(
        `Используется стандартный шаблон дизайна: ${standard.join(", ")}`,
        `A standard design template shipped with the product is used: ${standard.join(", ")}`,
      ),
      evidence: evidenceFor(standard),
      details: { templates: names, standard },
    };
  if (names.length === 0)
    return {
      rule: "A5",
      verdict: "review",
      message: msg(
        "Ссылок на /bitrix/templates/ не найдено: шаблон определить не удалось",
        "No /bitrix/templates/ references found: the template could not be identified",
      ),
      evidence: [{ url: input.url }],
    };
  return {
    rule: "A5",
    verdict: "pass",
    message: msg(
      `Собственный шаблон дизайна: ${names.join(", ")}`,
      `A custom design template: ${names.join(", ")}`,
    ),
    evidence: evidenceFor(names),
    details: { templates: names },
  };
}
