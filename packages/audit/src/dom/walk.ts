// Visible text of a document or element, in document order, through a visibility strategy.
import type { VisibilityStrategy } from "../visibility/types.ts";

const SKIP = new Set(["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]);

/** Calls `onText` with each visible, non-blank text node's value and its parent element. */
export function walkVisibleText(
  root: Element,
  visibility: VisibilityStrategy,
  onText: (text: string, parent: Element) => void,
): void {
  if (SKIP.has(root.localName.toLowerCase()) || !visibility.check(root).visible) return;
  const stack: Node[] = [];
  for (let c = root.firstChild; c; c = c.nextSibling) stack.push(c);
  stack.reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue;
      if (value && value.trim() !== "") onText(value, node.parentElement!);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (SKIP.has(el.localName.toLowerCase())) continue;
    // Below the root every parent is visible (hidden subtrees are not entered): the strategy's fast path.
    const v = visibility.checkUnderVisible ? visibility.checkUnderVisible(el) : visibility.check(el);
    if (!v.visible) continue;
    // Children pushed in reverse so they pop in document order (forward sibling links are cheap everywhere).
    const start = stack.length;
    for (let c = el.firstChild; c; c = c.nextSibling) stack.push(c);
    reverseFrom(stack, start);
  }
}

export function visibleText(root: Element | null, visibility: VisibilityStrategy): string {
  if (!root) return "";
  const parts: string[] = [];
  walkVisibleText(root, visibility, (t) => parts.push(t));
  return parts.join(" ");
}

function reverseFrom(a: Node[], start: number): void {
  for (let i = start, j = a.length - 1; i < j; i++, j--) {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

/** Every element under root (root included), in document order, without selector matching. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    const start = stack.length;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
    for (let i = start, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = t;
    }
  }
  return out;
}
