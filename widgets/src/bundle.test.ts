// The shipped file, not the sources: dist/partner-trust.js (built by `pnpm test` first) defines all four
// elements, survives being loaded twice, and renders a verified badge with its minified templates intact.
import { expect, fixture, html } from "@open-wc/testing";
import { newServer, settled, textOf } from "../test/helpers.ts";

const BUNDLE = "/dist/partner-trust.js";

describe("dist/partner-trust.js", () => {
  before(async () => {
    await import(/* @vite-ignore */ BUNDLE);
    // A page that includes the script twice must not throw "already defined".
    await import(/* @vite-ignore */ `${BUNDLE}?twice`);
  });

  it("defines the four elements", () => {
    for (const tag of ["pt-partner-badge", "pt-competency-emblems", "pt-quality-seal", "pt-powered-by"])
      expect(customElements.get(tag), tag).to.be.a("function");
  });

  it("renders every widget from the bundle", async () => {
    const server = newServer();
    const page = await fixture(html`<div>
      <pt-partner-badge partner="gold" server=${server}></pt-partner-badge>
      <pt-competency-emblems partner="gold" server=${server}></pt-competency-emblems>
      <pt-quality-seal partner="gold" server=${server}></pt-quality-seal>
      <pt-powered-by></pt-powered-by>
    </div>`);
    const [badge, emblems, seal] = [...page.children] as HTMLElementTagNameMap["pt-partner-badge"][];
    await settled(badge!);
    await settled(emblems!);
    await settled(seal!);
    expect(textOf(badge!)).to.contain("Золотой сертифицированный партнёр");
    expect(textOf(emblems!)).to.contain("Композитный сайт");
    expect(textOf(seal!)).to.equal("Участник программы качества 1С-Битрикс");
    expect(page.querySelector("pt-powered-by a")!.getAttribute("href")).to.equal("https://www.1c-bitrix.ru/");
    // The minified template kept each attribute separate (the check mark is a stroke, not a fill).
    const paths = badge!.shadowRoot!.querySelectorAll("svg path");
    expect(paths[1]!.getAttribute("fill")).to.equal("none");
    expect(paths[1]!.getAttribute("stroke-linecap")).to.equal("round");
    await expect(badge).to.be.accessible();
  });
});
