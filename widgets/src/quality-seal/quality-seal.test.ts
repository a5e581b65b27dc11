// W3 in Chromium: the seal only for verified quality-program participants.
import { expect, fixture, html } from "@open-wc/testing";
import { newServer, settled, textOf } from "../../test/helpers.ts";
import type PtQualitySeal from "./quality-seal.ts";
import "./quality-seal.ts";

async function seal(partner: string, server = newServer(), lang = "ru"): Promise<PtQualitySeal> {
  const el = await fixture<PtQualitySeal>(
    html`<pt-quality-seal partner=${partner} server=${server} lang=${lang}></pt-quality-seal>`,
  );
  return settled(el);
}

describe("pt-quality-seal (W3)", () => {
  it("W3 / R5.5d: «Участник программы качества 1С-Битрикс» for a verified participant", async () => {
    const server = newServer();
    const el = await seal("gold", server);
    expect(textOf(el)).to.equal("Участник программы качества 1С-Битрикс");
    expect(el.shadowRoot!.querySelector("a")!.href).to.equal(`${server}/partners/gold?host=localhost`);
  });

  it("W3: English by lang", async () => {
    expect(textOf(await seal("gold", newServer(), "en"))).to.equal("1C-Bitrix quality program participant");
  });

  for (const [partner, why] of [
    ["certified", "a non-participant"],
    ["elsewhere", "another domain"],
    ["terminated", "a terminated partner"],
    ["expired", "an expired token"],
  ] as const) {
    it(`W3: renders nothing for ${why}`, async () => {
      const el = await seal(partner);
      expect(textOf(el)).to.equal("");
      expect(el.getBoundingClientRect().width).to.equal(0);
    });
  }

  it("W3: is accessible (axe)", async () => {
    await expect(await seal("gold")).to.be.accessible();
  });
});
