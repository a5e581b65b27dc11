// Finds "__proto__" keys in parsed JSON: zod drops them silently, the simulator refuses them.
import { formatPath } from "./issues.ts";

export function reservedKeyProblems(input: unknown, path: PropertyKey[] = []): string[] {
  if (input === null || typeof input !== "object") return [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const here = [...path, Array.isArray(input) ? Number(key) : key];
    if (key === "__proto__")
      problems.push(`${formatPath(here)}: "__proto__" is reserved and cannot be used as a key`);
    problems.push(...reservedKeyProblems(value, here));
  }
  return problems;
}
