// W2 in Chromium: one emblem per competency from the verified token; nothing otherwise.
import { expect, fixture, html } from "@open-wc/testing";
import { newServer, settled, textOf } from "../../test/helpers.ts";
import type PtCompetencyEmblems from "./competency-emblems.ts";
import "./competency-emblems.ts";

async function emblems(partner: string, server = newServer(), lang = "ru"): Promise<PtCompetencyEmblems> {
  const el = await fixture<PtCompetencyEmblems>(
    html`<pt-competency-emblems partner=${partner} server=${server} lang=${lang}></pt-competency-emblems>`,
  );
  return settled(el);
}

describe("pt-competency-emblems (W2)", () => {
  it("W2 / R4.3: one emblem per competency, each linking to the directory filtered by it", async () => {
    const server = newServer();
    const el = await emblems("gold", server);
    const links = [...el.shadowRoot!.querySelectorAll("a")];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(["Композитный сайт", "Интеграция с 1С"]);
    expect(links.map((a) => a.href)).to.deep.equal([
      `${server}/partners?competency=composite`,
      `${server}/partners?competency=integration-1c`,
    ]);
    expect(el.shadowRoot!.querySelector("ul")!.getAttribute("aria-label")).to.equal(
      "Компетенции партнёра 1С-Битрикс",
    );
  });

  it("W2: English names by lang", async () => {
    const el = await emblems("gold", newServer(), "en");
    expect(textOf(el)).to.contain("Composite site");
    expect(textOf(el)).to.contain("Integration with 1C");
  });

  for (const [partner, why] of [
    ["certified", "no competencies"],
    ["elsewhere", "another domain (unverified placement)"],
    ["terminated", "a terminated partner"],
    ["tampered", "a forged token"],
    ["error500", "a server error"],
  ] as const) {
    it(`W2: renders nothing for ${why}`, async () => {
      const el = await emblems(partner);
      expect(el.shadowRoot!.querySelector("ul, a")).to.equal(null);
      expect(el.getBoundingClientRect().width).to.equal(0);
    });
  }

  it("W2: is accessible (axe), links reachable by keyboard", async () => {
    const el = await emblems("gold");
    await expect(el).to.be.accessible();
    const first = el.shadowRoot!.querySelector("a")!;
    first.focus();
    expect(el.shadowRoot!.activeElement).to.equal(first);
  });
});
