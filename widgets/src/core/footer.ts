// W4 / R6.2c in the browser: find «Работает на «1С-Битрикс: Управление сайтом»» on the live page and decide
// whether it is really visible (computed style and layout) with a correct link. Kept here, small and
// dependency-free, because @partner-trust/audit's footerState pulls its whole index into a bundle; merge later.

export type FooterProblem =
  | "missing"
  | "no-link"
  | "wrong-link"
  | "display-none"
  | "visibility-hidden"
  | "opacity-0"
  | "zero-size"
  | "clipped"
  | "transparent-text"
  | "off-screen";

export interface FooterCheck {
  compliant: boolean;
  problems: FooterProblem[];
}

const VENDOR_HOSTS = new Set(["www.1c-bitrix.ru", "1c-bitrix.ru"]);

/** Letters and digits only, lower case, ё→е, a Latin "1c" read as Cyrillic: quotes, spaces, dashes don't matter. */
export const lettersOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/1c/g, "1с")
    .replace(/[^а-я0-9]/g, "");

const PHRASE = lettersOf("Работает на «1С-Битрикс: Управление сайтом»");

export function isVendorLink(a: HTMLAnchorElement): boolean {
  try {
    const u = new URL(a.getAttribute("href") ?? "", location.href);
    return (u.protocol === "https:" || u.protocol === "http:") && VENDOR_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

/** The innermost elements whose text holds the whole phrase. */
function candidates(root: Element): Element[] {
  const found = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/работает/i.test(n.nodeValue ?? "")) continue;
    let el = n.parentElement;
    for (let depth = 0; el && depth < 6; depth++, el = el.parentElement) {
      if (el.closest("script,style,template,noscript")) break;
      if (lettersOf(el.textContent ?? "").includes(PHRASE)) {
        found.add(el);
        break;
      }
    }
  }
  return [...found];
}

const isTransparent = (c: string) => /^transparent$|^rgba\((.*,){3} *0\)$|\/ *0\)$/.test(c);

/** clip-path circle(0)/ellipse(0), or an inset() that removes the whole height or width. */
function clipPathHides(value: string): boolean {
  if (/^(circle|ellipse)\(0/.test(value)) return true;
  const [top = 0, right = top, bottom = top, left = right] = (/^inset\(([^)]*)\)/.exec(value)?.[1] ?? "")
    .split(" ")
    .map((x) => (x.endsWith("%") ? Number.parseFloat(x) : 0));
  return top + bottom >= 100 || left + right >= 100;
}

/** clip: rect(…) at most 1px wide or high (the usual "visually hidden" trick). */
function clipHides(value: string): boolean {
  const [top = 0, right = 9, bottom = 9, left = 0] = (/^rect\(([^)]*)\)/.exec(value)?.[1] ?? "")
    .split(/,? /)
    .map(Number.parseFloat);
  return right - left <= 1 || bottom - top <= 1;
}

/** Why the text inside `el` cannot be seen, or undefined when it can. */
export function hiddenReason(el: Element): FooterProblem | undefined {
  const own = getComputedStyle(el);
  for (let a: Element | null = el; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.display === "none") return "display-none";
    if (Number.parseFloat(s.opacity) < 0.05) return "opacity-0";
    if (clipPathHides(s.clipPath)) return "clipped";
    if ((s.position === "absolute" || s.position === "fixed") && clipHides(s.clip)) return "clipped";
  }
  if (own.visibility !== "visible") return "visibility-hidden";
  // (Not -webkit-text-fill-color: transparent — that is how gradient text is drawn, with background-clip.)
  if (isTransparent(own.color)) return "transparent-text";
  // The laid-out text itself: zero-sized (font-size 0, scale(0), 0×0 box), off-screen, or clipped away.
  const range = document.createRange();
  range.selectNodeContents(el);
  const r = range.getBoundingClientRect();
  if (r.width < 2 || r.height < 4) return "zero-size";
  const x = r.left + scrollX;
  const y = r.top + scrollY;
  if (x + r.width <= 0 || y + r.height <= 0 || x >= innerWidth) return "off-screen";
  let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
  for (
    let a = el.parentElement;
    a && a !== document.body && a !== document.documentElement;
    a = a.parentElement
  ) {
    if (getComputedStyle(a).overflow === "visible") continue;
    const b = a.getBoundingClientRect();
    [left, top, right, bottom] = [
      Math.max(left, b.left),
      Math.max(top, b.top),
      Math.min(right, b.right),
      Math.min(bottom, b.bottom),
    ];
    if (right - left < Math.min(r.width, 8) / 2 || bottom - top < r.height / 2) return "clipped";
  }
  return undefined;
}

function checkOne(el: Element): FooterCheck {
  const hidden = hiddenReason(el);
  if (hidden) return { compliant: false, problems: [hidden] };
  const links = [el.closest("a[href]"), ...el.querySelectorAll("a[href]")].filter(
    (a): a is HTMLAnchorElement => a instanceof HTMLAnchorElement,
  );
  if (links.length === 0) return { compliant: false, problems: ["no-link"] };
  const good = links.find(isVendorLink);
  if (!good) return { compliant: false, problems: ["wrong-link"] };
  const linkHidden = hiddenReason(good);
  return linkHidden ? { compliant: false, problems: [linkHidden] } : { compliant: true, problems: [] };
}

/** Checks that `root` (the page body by default) visibly shows the required footer text with its link. */
export function checkFooter(root: Element = document.body, ignore?: Element): FooterCheck {
  const found = candidates(root).filter((el) => !ignore?.contains(el));
  if (found.length === 0) return { compliant: false, problems: ["missing"] };
  const results = found.map(checkOne);
  return results.find((r) => r.compliant) ?? results[0]!;
}
