import { describe, expect, it } from "vitest";
import { decodeHtml } from "./fetch.ts";

describe("decodeHtml", () => {
  const cp1251 = new Uint8Array([0xd0, 0xe0, 0xe1, 0xee, 0xf2, 0xe0, 0xe5, 0xf2]); // «Работает»
  it("decodes windows-1251 by Content-Type", () => {
    expect(decodeHtml(cp1251, "text/html; charset=windows-1251")).toBe("Работает");
  });
  it("decodes windows-1251 by <meta charset>", () => {
    const head = new TextEncoder().encode('<meta charset="windows-1251">');
    const body = new Uint8Array([...head, ...cp1251]);
    expect(decodeHtml(body, "text/html")).toBe('<meta charset="windows-1251">Работает');
  });
  it("defaults to UTF-8", () => {
    expect(decodeHtml(new TextEncoder().encode("Работает"), undefined)).toBe("Работает");
  });
});
