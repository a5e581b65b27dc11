import { describe, expect, it } from "vitest";
import { pageFromHtml } from "../test/server.ts";
import { visibleText } from "./dom/walk.ts";
import { viewOf } from "./site.ts";
import { createStaticVisibility } from "./visibility/static.ts";

const HTML = `<html><head><title>t</title><style>.off { display: none } .ghost { visibility: hidden } .ghost .back { visibility: visible }</style></head>
<body><header><nav><a href="/">Главная</a></nav></header>
<main><p class="off">скрыто <b>совсем</b></p><p>видно <span hidden>нет</span> <i style="opacity:0">нет</i> да</p>
<div class="ghost">призрак <span class="back">вернулся</span></div><script>var x = "код";</script>
<svg><text>svg</text></svg><ul><li>один</li><li aria-hidden="true">два</li></ul></main></body></html>`;

describe("the page view's one walk", () => {
  it("lists every element in document order and the same visible text as a walk through the strategy", () => {
    const page = pageFromHtml(HTML);
    const view = viewOf(page, { url: page.url, pages: [page], crawled: false });
    expect(view.elements()).toEqual(Array.from(page.document.querySelectorAll("*")));
    expect(view.byTag("LI", "a").map((e) => e.textContent)).toEqual(["один", "два", "Главная"]);
    const strategy = createStaticVisibility(page.document);
    expect(view.text()).toBe(visibleText(page.document.body, strategy));
    expect(view.text().replace(/\s+/g, " ").trim()).toBe("Главная видно да один");
  });

  it("the static strategy's top-down answer is check()'s answer for every child of a visible element", () => {
    const { document } = pageFromHtml(HTML);
    const top = createStaticVisibility(document);
    const full = createStaticVisibility(document);
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (el.parentElement && full.check(el.parentElement).visible)
        expect(top.checkUnderVisible!(el)).toEqual(full.check(el));
    }
  });
});
