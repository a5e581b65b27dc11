// W1 in Chromium against the test signing server: every badge state, host binding, refresh, a11y, theming.
import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import { badgeOnHost, DOWN, newServer, settled, stats, textOf } from "../../test/helpers.ts";
import { settings } from "../core/verify.ts";
import type PtPartnerBadge from "./partner-badge.ts";
import "./partner-badge.ts";

async function badge(partner: string, server = newServer(), lang = "ru"): Promise<PtPartnerBadge> {
  const el = await fixture<PtPartnerBadge>(
    html`<pt-partner-badge partner=${partner} server=${server} lang=${lang}></pt-partner-badge>`,
  );
  return settled(el);
}

const STATUS_LABELS = /Бизнес-партн|Сертифицированный|Золотой|Business Partner|Certified Partner/;

describe("pt-partner-badge (W1)", () => {
  it("W1: shows name, gold status and valid-until date for a verified token on a registered host", async () => {
    const server = newServer();
    const el = await badge("gold", server);
    expect(el.state).to.equal("verified");
    expect(textOf(el)).to.contain("ООО «Партнёр gold»");
    expect(textOf(el)).to.contain("Золотой сертифицированный партнёр");
    expect(textOf(el)).to.contain("действует до 01.05.2027");
    const link = el.shadowRoot!.querySelector("a")!;
    expect(link.href).to.equal(`${server}/partners/gold?host=localhost`);
  });

  it("W1: certified and business labels; business without an end date", async () => {
    const certified = await badge("certified");
    expect(textOf(certified)).to.contain("Сертифицированный партнёр");
    expect(textOf(certified)).not.to.contain("Золотой");
    const business = await badge("business");
    expect(textOf(business)).to.contain("Бизнес-партнёр");
    expect(textOf(business)).not.to.contain("действует до");
  });

  it("W1: English by lang, Russian by the page's lang", async () => {
    const en = await badge("gold", newServer(), "en");
    expect(textOf(en)).to.contain("Gold Certified Partner");
    expect(textOf(en)).to.contain("valid until 1 May 2027");
    const wrapper = await fixture(
      html`<div lang="en-GB"><pt-partner-badge partner="certified" server=${newServer()}></pt-partner-badge></div>`,
    );
    const inherited = await settled(wrapper.querySelector("pt-partner-badge")!);
    expect(textOf(inherited)).to.contain("Certified Partner");
    inherited.setAttribute("lang", "ru");
    await inherited.updateComplete;
    expect(textOf(inherited)).to.contain("Сертифицированный партнёр");
  });

  it("W1 / R1.5c: a terminated partner is «Не является партнёром», never a status", async () => {
    const el = await badge("terminated");
    expect(el.state).to.equal("terminated");
    expect(textOf(el)).to.contain("Не является партнёром");
    expect(textOf(el)).not.to.match(STATUS_LABELS);
  });

  it("W1: an id the server does not know is not a partner", async () => {
    const el = await badge("unknown");
    expect(el.state).to.equal("terminated");
    expect(textOf(el)).to.contain("Не является партнёром");
  });

  it("W1: a token for another domain shows the name but «Размещение не подтверждено», not the status", async () => {
    const el = await badge("elsewhere");
    expect(el.state).to.equal("unverified-host");
    expect(textOf(el)).to.contain("ООО «Партнёр elsewhere»");
    expect(textOf(el)).to.contain("Размещение не подтверждено");
    expect(textOf(el)).not.to.match(STATUS_LABELS);
  });

  for (const [partner, why] of [
    ["tampered", "a payload changed after signing"],
    ["wrongkey", "a signature by another key under a published kid"],
    ["expired", "an expired token"],
    ["othersub", "a token for another partner"],
    ["otheriss", "a token from another issuer"],
    ["malformed", "a malformed token"],
    ["unknownkid", "a kid that is never published"],
    ["error500", "a server error"],
  ] as const) {
    it(`W1: «Не удалось проверить» for ${why}`, async () => {
      const el = await badge(partner);
      expect(el.state).to.equal("failed");
      expect(textOf(el)).to.contain("Не удалось проверить статус");
      expect(textOf(el)).not.to.match(STATUS_LABELS);
      expect(textOf(el)).not.to.contain("ООО");
    });
  }

  it("W1: «Не удалось проверить» when the server is down (connection closed)", async () => {
    const el = await badge("down");
    expect(el.state).to.equal("failed");
    expect(textOf(el)).to.contain("Не удалось проверить статус");
  });

  it("W1: a `server` on another origin than the script is refused — no fake signing server", async () => {
    // The same test signing server, reached as 127.0.0.1 instead of localhost: it would sign a valid token.
    const ns = newServer().split("/pt/")[1]!;
    const fake = `http://127.0.0.1:${location.port}/pt/${ns}`;
    const el = await badge("gold", fake);
    expect(el.state).to.equal("failed");
    expect(textOf(el)).not.to.match(STATUS_LABELS);
    expect((await stats(`${location.origin}/pt/${ns}`)).status).to.equal(0);
    const closed = await badge("gold", DOWN);
    expect(closed.state).to.equal("failed");
  });

  it("W1: «Не удалось проверить» when the server is slower than the timeout", async () => {
    const before = settings.timeoutMs;
    settings.timeoutMs = 500;
    try {
      const started = Date.now();
      const el = await badge("slow");
      expect(el.state).to.equal("failed");
      expect(Date.now() - started).to.be.below(2500);
    } finally {
      settings.timeoutMs = before;
    }
  });

  it("W1: follows a key rotation — unknown kid, one JWKS re-fetch, then verified", async () => {
    const server = newServer("rot");
    const el = await badge("rotated", server);
    expect(el.state).to.equal("verified");
    expect((await stats(server)).jwks).to.equal(2);
  });

  it("W1: an unknown kid re-fetches the JWKS once, not more", async () => {
    const server = newServer();
    await badge("unknownkid", server);
    expect((await stats(server)).jwks).to.equal(2);
  });

  it("W1: re-verifies before expiry — a status that lapses does not linger", async () => {
    const el = await badge("short");
    expect(textOf(el)).to.contain("Золотой");
    await waitUntil(() => el.state === "terminated", "not refreshed", { timeout: 8000 });
    await el.updateComplete;
    expect(textOf(el)).to.contain("Не является партнёром");
    expect(textOf(el)).not.to.contain("Золотой");
  });

  it("W1: a refresh that fails drops to «Не удалось проверить», not the old status", async () => {
    const el = await badge("lapse");
    expect(el.state).to.equal("verified");
    await waitUntil(() => el.state === "failed", "still showing the old status", { timeout: 8000 });
    await el.updateComplete;
    expect(textOf(el)).not.to.contain("Золотой");
  });

  it("W1: a changed partner attribute re-verifies", async () => {
    const el = await badge("gold");
    el.partner = "terminated";
    await waitUntil(() => el.state === "terminated", "not re-verified", { timeout: 4000 });
  });

  it("W1: moved in the page (disconnected, reconnected) it verifies again and stays current", async () => {
    const server = newServer();
    const el = await badge("gold", server);
    const parent = el.parentElement!;
    el.remove();
    expect(el.state).to.equal("loading");
    parent.append(el);
    await settled(el);
    expect(el.state).to.equal("verified");
    expect((await stats(server)).status).to.equal(2);
  });

  it("W1: is accessible (axe) in the verified and the warning states", async () => {
    await expect(await badge("gold")).to.be.accessible();
    await expect(await badge("elsewhere")).to.be.accessible();
    await expect(await badge("error500")).to.be.accessible();
  });

  it("W1: the link is keyboard-focusable and names the partner and status", async () => {
    const el = await badge("gold");
    const link = el.shadowRoot!.querySelector("a")!;
    link.focus();
    expect(el.shadowRoot!.activeElement).to.equal(link);
    expect(link.textContent).to.contain("Золотой сертифицированный партнёр");
    expect(link.title).to.equal("Проверить на сайте 1С-Битрикс");
  });

  it("W1: the page cannot restyle or hide the status or the warning", async () => {
    const style = document.createElement("style");
    style.textContent = `
      pt-partner-badge { --_px: 0px; --_fg: transparent; --pt-font-family: x; color: transparent; font-size: 0;
        letter-spacing: -50px; text-indent: -9999px; visibility: visible; }
      pt-partner-badge::part(status), pt-partner-badge::part(notice), pt-partner-badge::part(base) { display: none; }`;
    document.head.append(style);
    try {
      for (const [partner, selector] of [
        ["gold", ".protected.gold"],
        ["elsewhere", ".protected.warn"],
      ] as const) {
        const el = await badge(partner);
        const text = el.shadowRoot!.querySelector(selector)!;
        const cs = getComputedStyle(text);
        expect(cs.display).not.to.equal("none");
        expect(cs.visibility).to.equal("visible");
        expect(cs.fontSize).to.equal("14px");
        expect(cs.color).to.equal("rgb(255, 255, 255)");
        expect(cs.letterSpacing).to.equal("normal");
        expect(text.getBoundingClientRect().width).to.be.above(50);
        expect(
          [...el.shadowRoot!.querySelectorAll("[part]")].map((p) => p.getAttribute("part")),
        ).to.deep.equal(["mark"]);
      }
    } finally {
      style.remove();
    }
  });

  it("W1: without a partner id the badge says «Не удалось проверить», not loading forever", async () => {
    const el = await fixture<PtPartnerBadge>(html`<pt-partner-badge></pt-partner-badge>`);
    await settled(el);
    expect(el.state).to.equal("failed");
    expect(textOf(el)).to.contain("Не удалось проверить статус");
  });

  it("W1: theme auto follows prefers-color-scheme", async () => {
    const el = await badge("gold");
    const root = el.shadowRoot!.querySelector(".root")!;
    expect(getComputedStyle(root).colorScheme).to.equal("light dark");
    const dark = matchMedia("(prefers-color-scheme: dark)").matches;
    expect(getComputedStyle(root).backgroundColor).to.equal(dark ? "rgb(27, 33, 48)" : "rgb(255, 255, 255)");
  });

  it("W1: light and dark themes, sizes s and m", async () => {
    const server = newServer();
    const light = await fixture<PtPartnerBadge>(
      html`<pt-partner-badge partner="gold" server=${server} theme="light"></pt-partner-badge>`,
    );
    const dark = await fixture<PtPartnerBadge>(
      html`<pt-partner-badge partner="gold" server=${server} theme="dark" size="s"></pt-partner-badge>`,
    );
    await settled(light);
    await settled(dark);
    const bg = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector(".root")!).backgroundColor;
    expect(bg(light)).to.equal("rgb(255, 255, 255)");
    expect(bg(dark)).to.equal("rgb(27, 33, 48)");
    expect(getComputedStyle(dark.shadowRoot!.querySelector(".protected")!).fontSize).to.equal("12px");
  });
});

describe("pt-partner-badge on other host names (W1 host binding)", () => {
  it("W1: genuine on a registered host (partner.test), the link says which host", async () => {
    const r = await badgeOnHost("partner.test", "gold");
    expect(r.state).to.equal("verified");
    expect(r.text).to.contain("Золотой сертифицированный партнёр");
    expect(r.href).to.equal(`http://partner.test:${location.port}/partners/gold?host=partner.test`);
  });

  it("W1: «Размещение не подтверждено» on an unregistered host (other.test), no status", async () => {
    const r = await badgeOnHost("other.test", "gold");
    expect(r.state).to.equal("unverified-host");
    expect(r.text).to.contain("ООО «Партнёр gold»");
    expect(r.text).to.contain("Размещение не подтверждено");
    expect(r.text).not.to.match(STATUS_LABELS);
    expect(r.href).to.contain("host=other.test");
  });

  it("W1: a leading www. is ignored on both sides", async () => {
    expect((await badgeOnHost("www.partner.test", "gold")).state).to.equal("verified");
    expect((await badgeOnHost("partner.test", "www")).state).to.equal("verified");
    expect((await badgeOnHost("sub.partner.test", "gold")).state).to.equal("unverified-host");
  });

  it("W1: on an insecure (http, not localhost) page WebCrypto is unavailable: «Не удалось проверить»", async () => {
    const r = await badgeOnHost("insecure.test", "gold");
    expect(r.state).to.equal("failed");
    expect(r.text).to.contain("Не удалось проверить статус");
  });

  it("W1: a partner page loading the widget from the server's origin (cross-origin, CORS) is verified", async () => {
    const r = await badgeOnHost("partner.test", "gold", { script: `${location.origin}/src/index.ts` });
    expect(r.state).to.equal("verified");
    expect(r.href).to.equal(`${location.origin}/partners/gold?host=partner.test`);
    const relative = await badgeOnHost("other.test", "gold", {
      script: `${location.origin}/src/index.ts`,
      server: "/pt/relative",
    });
    expect(relative.state).to.equal("unverified-host");
    expect(relative.href).to.equal(`${location.origin}/pt/relative/partners/gold?host=other.test`);
  });

  it("W1: the registered page framed by an unregistered site is not a verified placement there", async () => {
    expect((await badgeOnHost("partner.test", "gold", { framedBy: "other.test" })).state).to.equal(
      "unverified-host",
    );
    expect((await badgeOnHost("partner.test", "gold", { framedBy: "www.partner.test" })).state).to.equal(
      "verified",
    );
  });
});
