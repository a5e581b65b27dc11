// A short CSS path for evidence: "body > footer:nth-of-type(1) > a#x".

export function cssPath(element: Element): string {
  const parts: string[] = [];
  let el: Element | null = element;
  while (el && el.nodeType === 1 && parts.length < 8) {
    const tag = el.tagName.toLowerCase();
    if (tag === "html") break;
    if (el.id) {
      parts.unshift(`${tag}#${el.id}`);
      break;
    }
    const parent: Element | null = el.parentElement;
    let part = tag;
    if (parent) {
      const same = Array.from(parent.children).filter((c) => c.tagName === el?.tagName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(el) + 1})`;
    }
    parts.unshift(part);
    el = parent;
  }
  return parts.join(" > ");
}
