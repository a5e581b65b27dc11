// Turns zod issues into one readable line each: "events[2].on: problem".
import type { z } from "zod";

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(scenario)" : out;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const where = formatPath(issue.path);
    switch (issue.code) {
      case "unrecognized_keys":
        return `${where}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      case "invalid_union":
        if ("discriminator" in issue && issue.discriminator === "type") {
          const value = valueAt(input, issue.path);
          const options = "options" in issue && Array.isArray(issue.options) ? issue.options.join(", ") : "";
          return value === undefined
            ? `${where}: missing event type (expected one of: ${options})`
            : `${where}: unknown event type ${JSON.stringify(value)} (expected one of: ${options})`;
        }
        return `${where}: ${issue.message}`;
      default:
        return `${where}: ${issue.message}`;
    }
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
