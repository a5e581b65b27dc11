// Safe lookups in records keyed by user data ("constructor", "__proto__" are course ids like any other).

export function ownCount(record: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
}
