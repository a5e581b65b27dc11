// R2.5: rendered documents by content key (see claim.ts), so a document is rendered once per status claim and
// a changed status renders a new one. Bounded: the oldest entries go first.
export function createDocumentCache(limit = 200) {
  const entries = new Map<string, Promise<Uint8Array>>();
  return {
    get(key: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
      const hit = entries.get(key);
      if (hit) return hit;
      const made = render();
      entries.set(key, made);
      made.catch(() => entries.delete(key));
      while (entries.size > limit) entries.delete(entries.keys().next().value!);
      return made;
    },
    get size() {
      return entries.size;
    },
  };
}

export type DocumentCache = ReturnType<typeof createDocumentCache>;
