// Registers a custom element once: a page may load the bundle twice, and a second define() would throw.
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
