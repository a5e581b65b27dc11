// W4 in Chromium: the rendered footer, and the check of the page's own footer against every way of hiding it.
import { expect, fixture, html, oneEvent } from "@open-wc/testing";
import { newServer, stats } from "../../test/helpers.ts";
import { checkFooter } from "../core/footer.ts";
import type PtPoweredBy from "./powered-by.ts";
import "./powered-by.ts";

const FOOTER = `Работает на <a href="https://www.1c-bitrix.ru/">«1С-Битрикс: Управление сайтом»</a>`;

/** A page fragment with the footer inside `<footer style=…>`, plus extra CSS; returns the check of it. */
async function check(footerStyle: string, inner = FOOTER, wrapperStyle = "") {
  const page = await fixture<HTMLElement>(html`<div style=${wrapperStyle}>
    <main>Главная страница</main>
    <footer style=${footerStyle} .innerHTML=${inner}></footer>
  </div>`);
  return checkFooter(page);
}

describe("pt-powered-by (W4) — the page's footer check", () => {
  it("R6.2c: a visible footer with the right link is compliant", async () => {
    expect(await check("")).to.deep.equal({ compliant: true, problems: [] });
  });

  it("R6.2c: 1c-bitrix.ru without www, Latin «1C», no quotes and non-breaking spaces are accepted", async () => {
    const inner = `Работает&nbsp;на <a href="http://1c-bitrix.ru/about/">1C-Битрикс: Управление сайтом</a>`;
    expect((await check("", inner)).compliant).to.equal(true);
  });

  for (const [name, style, wrapper, problem] of [
    ["display:none", "display: none", "", "display-none"],
    ["the hidden attribute's display:none on an ancestor", "", "display: none", "display-none"],
    ["visibility:hidden", "visibility: hidden", "", "visibility-hidden"],
    ["opacity 0", "opacity: 0", "", "opacity-0"],
    ["opacity 0 on an ancestor", "", "opacity: 0", "opacity-0"],
    ["zero size (font-size 0)", "font-size: 0", "", "zero-size"],
    ["zero size (scale 0)", "transform: scale(0)", "", "zero-size"],
    [
      "a 1px box with overflow hidden",
      "width: 1px; height: 1px; overflow: hidden; white-space: nowrap",
      "",
      "clipped",
    ],
    ["clip: rect(0 0 0 0)", "position: absolute; clip: rect(0 0 0 0)", "", "clipped"],
    ["clip: rect(1px, 1px, 1px, 1px)", "position: absolute; clip: rect(1px, 1px, 1px, 1px)", "", "clipped"],
    ["clip-path: inset(50%)", "clip-path: inset(50%)", "", "clipped"],
    ["clip-path: inset(0 0 100% 0)", "clip-path: inset(0 0 100% 0)", "", "clipped"],
    ["clip-path: circle(0)", "clip-path: circle(0)", "", "clipped"],
    ["transparent text colour", "color: transparent", "", "transparent-text"],
    ["rgba text colour with alpha 0", "color: rgba(0, 0, 0, 0)", "", "transparent-text"],
    ["off-screen to the left", "position: absolute; left: -9999px", "", "off-screen"],
    ["off-screen to the right", "position: absolute; left: 99999px", "", "off-screen"],
    ["off-screen above", "position: absolute; top: -9999px", "", "off-screen"],
    ["text-indent off-screen", "text-indent: -9999px; overflow: hidden", "", "off-screen"],
  ] as const) {
    it(`R6.2c: a footer hidden by ${name} is not compliant (${problem})`, async () => {
      expect(await check(style, FOOTER, wrapper)).to.deep.equal({ compliant: false, problems: [problem] });
    });
  }

  it("R6.2c: a transparent link inside a visible text is not compliant", async () => {
    const inner = `Работает на <a style="color: transparent" href="https://www.1c-bitrix.ru/">«1С-Битрикс: Управление сайтом»</a>`;
    expect((await check("", inner)).problems).to.deep.equal(["transparent-text"]);
  });

  it("R6.2c: a wrong link, and no link at all, are not compliant", async () => {
    const wrong = `Работает на <a href="https://bitrix.example.com/">«1С-Битрикс: Управление сайтом»</a>`;
    expect((await check("", wrong)).problems).to.deep.equal(["wrong-link"]);
    const lookalike = `Работает на <a href="https://www.1c-bitrix.ru.evil.example/">«1С-Битрикс: Управление сайтом»</a>`;
    expect((await check("", lookalike)).problems).to.deep.equal(["wrong-link"]);
    expect((await check("", "Работает на «1С-Битрикс: Управление сайтом»")).problems).to.deep.equal([
      "no-link",
    ]);
  });

  it("R6.2c: a page without the text is not compliant (missing)", async () => {
    expect(await check("", "© 2026 Студия")).to.deep.equal({ compliant: false, problems: ["missing"] });
  });
});

describe("pt-powered-by (W4) — the element", () => {
  it("W4: renders the required footer into the page (light DOM) and it passes the check", async () => {
    const el = await fixture<PtPoweredBy>(html`<pt-powered-by></pt-powered-by>`);
    const link = el.querySelector("a")!;
    expect(link.href).to.equal("https://www.1c-bitrix.ru/");
    expect(el.textContent!.replace(/\s+/g, " ").trim()).to.equal(
      "Работает на «1С-Битрикс: Управление сайтом»",
    );
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is the rendered text a visitor sees.
    expect(document.body.innerText).to.contain("Работает на «1С-Битрикс: Управление сайтом»");
    expect(checkFooter(el.parentElement!)).to.deep.equal({ compliant: true, problems: [] });
    await expect(el).to.be.accessible();
  });

  it("W4: on an English page the Russian wording stays, the English follows", async () => {
    const el = await fixture<PtPoweredBy>(html`<pt-powered-by lang="en"></pt-powered-by>`);
    expect(el.textContent!.replace(/\s+/g, " ").trim()).to.equal(
      "Работает на «1С-Битрикс: Управление сайтом» (Powered by 1C-Bitrix: Site Manager)",
    );
  });

  it("W4: mode=check fires pt-footer-check and reports once per page and day", async () => {
    const server = newServer();
    localStorage.removeItem(`pt-footer-check:gold:${location.origin}${location.pathname}`);
    const page = await fixture<HTMLElement>(html`<div><footer style="visibility: hidden">
      Работает на <a href="https://www.1c-bitrix.ru/">«1С-Битрикс: Управление сайтом»</a>
    </footer></div>`);
    const checker = document.createElement("pt-powered-by");
    checker.mode = "check";
    checker.partner = "gold";
    checker.server = server;
    const event = oneEvent(checker, "pt-footer-check");
    page.append(checker);
    const { detail } = await event;
    expect(detail).to.deep.equal({ compliant: false, problems: ["visibility-hidden"], url: location.href });
    expect(checker.textContent).to.equal("");
    // A second check the same day (another page view) does not report again.
    checker.check();
    await new Promise((r) => setTimeout(r, 200));
    const s = await stats(server);
    expect(s.beacons).to.deep.equal([
      { partner: "gold", url: location.href, compliant: false, problems: ["visibility-hidden"] },
    ]);
  });

  it("W4: mode=check on a compliant page, without partner: event only, no report", async () => {
    const page = await fixture<HTMLElement>(
      html`<div><p>Работает на <a href="https://www.1c-bitrix.ru/">«1С-Битрикс: Управление сайтом»</a></p></div>`,
    );
    const checker = document.createElement("pt-powered-by");
    checker.mode = "check";
    const event = oneEvent(checker, "pt-footer-check");
    page.append(checker);
    expect((await event).detail.compliant).to.equal(true);
  });
});
