// Visible text of a document or element, in document order, through a visibility strategy.
import type { VisibilityStrategy } from "../visibility/types.ts";

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "svg", "SVG", "IFRAME", "OBJECT"]);

/** Calls `onText` with each visible, non-blank text node's value and its parent element. */
export function walkVisibleText(
  root: Element,
  visibility: VisibilityStrategy,
  onText: (text: string, parent: Element) => void,
): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue;
      if (value && value.trim() !== "") onText(value, node.parentElement!);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (SKIP.has(el.tagName) || !visibility.check(el).visible) continue;
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

export function visibleText(root: Element | null, visibility: VisibilityStrategy): string {
  if (!root) return "";
  const parts: string[] = [];
  walkVisibleText(root, visibility, (t) => parts.push(t));
  return parts.join(" ");
}
