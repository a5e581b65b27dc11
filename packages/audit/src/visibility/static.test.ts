import { describe, expect, it } from "vitest";
import { pageFromHtml } from "../../test/server.ts";
import { matchesSimple, parseSimpleSelector } from "./selector.ts";
import { createStaticVisibility } from "./static.ts";

function reasonOf(css: string, body: string, id = "t"): string {
  const { document } = pageFromHtml(`<head><style>${css}</style></head><body>${body}</body>`);
  const v = createStaticVisibility(document).check(document.getElementById(id)!);
  return v.visible ? "visible" : v.reason;
}

describe("static visibility (Node)", () => {
  it.each([
    [".a .b { display: none }", '<div class="a"><p class="b" id="t">x</p></div>', "display-none"],
    ["div > p.b { opacity: 0 }", '<div><p class="b" id="t">x</p></div>', "opacity-0"],
    ["section > p { opacity: 0 }", '<div><p class="b" id="t">x</p></div>', "visible"],
    [
      '[data-x="1"] { visibility: hidden }',
      '<div data-x="1"><span id="t">x</span></div>',
      "visibility-hidden",
    ],
    [
      "#wrap { visibility: hidden } #t { visibility: visible }",
      '<div id="wrap"><span id="t">x</span></div>',
      "visible",
    ],
    ["footer p:first-child { display: none }", '<footer><p id="t">x</p></footer>', "display-none"],
    [".x { clip: rect(0 0 0 0); position: absolute }", '<p class="x" id="t">x</p>', "clipped"],
    [".x { clip: rect(1px, 1px, 1px, 1px); position: absolute }", '<p class="x" id="t">x</p>', "clipped"],
    [".x { clip: rect(1px, 1px, 1px, 1px) }", '<p class="x" id="t">x</p>', "visible"],
    [".x { clip-path: circle(0) }", '<p class="x" id="t">x</p>', "clipped"],
    [".x { clip-path: inset(0 0 100% 0) }", '<p class="x" id="t">x</p>', "clipped"],
    [".x { color: rgb(0 0 0 / 0) }", '<p class="x" id="t">x</p>', "transparent-text"],
    [".x { text-indent: -9999px }", '<p class="x" id="t">x</p>', "off-screen"],
    [".x { font-size: 0 }", '<p class="x" id="t">x</p>', "zero-size"],
    [".x { color: transparent } .x span { color: red }", '<p class="x"><span id="t">x</span></p>', "visible"],
    ["@media print { #t { display: none } } .y { display: none }", '<p id="t">x</p>', "visible"],
    [".a { display: none }", '<p class="ab" id="t">x</p>', "visible"],
    ["p { display: none } p { display: block }", '<p id="t">x</p>', "visible"],
  ])("%s", (css, body, reason) => {
    expect(reasonOf(css, body)).toBe(reason);
  });
  it("parses only simple selectors (others fall back to the DOM's query)", () => {
    expect(parseSimpleSelector("div.a > p#b[lang=ru]")).toBeDefined();
    expect(parseSimpleSelector("p:first-child")).toBeUndefined();
    expect(parseSimpleSelector("a + b")).toBeUndefined();
    const { document } = pageFromHtml('<body><div class="a"><p id="b" lang="ru">x</p></div></body>');
    expect(matchesSimple(document.getElementById("b")!, parseSimpleSelector("div.a > p#b[lang=ru]")!)).toBe(
      true,
    );
    expect(matchesSimple(document.getElementById("b")!, parseSimpleSelector("div.z p")!)).toBe(false);
  });
});
