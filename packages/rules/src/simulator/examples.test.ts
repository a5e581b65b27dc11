import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulateText } from "./simulate.ts";

const dir = join(import.meta.dirname, "../../examples");
const examples = readdirSync(dir).filter(
  (f) => f.endsWith(".json") && !f.endsWith(".expected.json") && f !== "refused.json",
);

describe("README examples", () => {
  it.each(examples)("%s still gives the output shown in the README", (file) => {
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.json$/, ".expected.json")), "utf8"));
    expect(simulateText(readFileSync(join(dir, file), "utf8"))).toEqual(expected);
  });

  it("refused.json is refused", () => {
    expect(() => simulateText(readFileSync(join(dir, "refused.json"), "utf8"))).toThrow(
      /unknown field "coupon"/,
    );
  });
});
