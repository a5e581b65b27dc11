import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkWording, examples, renderMail } from "../../mail/template.ts";
import { mailCatalogue } from "./catalogue.ts";

const programDir = fileURLToPath(new URL("..", import.meta.url));

/** `defineMail(` calls in program/ source (tests aside). */
function definedInSource(): number {
  const files = readdirSync(programDir, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  return files.reduce(
    (n, f) => n + (readFileSync(`${programDir}/${f}`, "utf8").match(/\bdefineMail\(/g)?.length ?? 0),
    0,
  );
}

describe("issue 10: the e-mail template catalogue", () => {
  it("lists every template defined in program/, each key once", () => {
    expect(mailCatalogue.length).toBe(definedInSource());
    const keys = mailCatalogue.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it.each(mailCatalogue.map((t) => [t.key, t] as const))(
    "%s: the default wording checks, names a rule, and renders its examples Russian first",
    (_key, t) => {
      expect(checkWording(t, t)).toEqual([]);
      expect(t.rule).toMatch(/^(R|W|A)\d/);
      for (const name of t.required ?? []) expect(Object.keys(t.vars)).toContain(name);
      const mail = renderMail(t, examples(t));
      for (const part of [mail.subject, mail.text]) {
        expect(part).not.toMatch(/\{\{|\}\}/);
        const cyrillic = part.search(/[А-Яа-яЁё]/);
        expect(cyrillic).toBeGreaterThanOrEqual(0);
        // Russian first: the first word with Latin letters only comes after the first Russian one.
        const english = part.search(/\b(Hello|The|Your|You|A|An|Partner|Project|Re-audit|Quality)\b/);
        if (english >= 0) expect(cyrillic).toBeLessThan(english);
      }
    },
  );
});
