// Attribute reads for the hot paths: through the Attr node, which linkedom serves without getAttribute's
// detours (class goes through a DOMTokenList there); the same value as getAttribute in browsers.

/** The attribute's value, or null when the element does not have it. */
export function attr(el: Element, name: string): string | null {
  return el.getAttributeNode(name)?.value ?? null;
}
