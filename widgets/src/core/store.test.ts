// The shared verification: one status request per partner for every widget on the page; token and host rules.
import { expect, fixture, html } from "@open-wc/testing";
import { newServer, settled, stats } from "../../test/helpers.ts";
import "../index.ts";
import { refreshDelay } from "./store.ts";
import {
  CLOCK_SKEW_S,
  checkClaims,
  decodeToken,
  hostAllowed,
  type StatusTokenPayload,
  TokenError,
} from "./token.ts";

describe("shared status store", () => {
  it("W1–W3: three widgets for one partner make ONE status request and ONE JWKS request", async () => {
    const server = newServer();
    const page = await fixture(html`<div>
      <pt-partner-badge partner="gold" server=${server}></pt-partner-badge>
      <pt-competency-emblems partner="gold" server=${server}></pt-competency-emblems>
      <pt-quality-seal partner="gold" server=${server}></pt-quality-seal>
    </div>`);
    for (const el of page.querySelectorAll("pt-partner-badge, pt-competency-emblems, pt-quality-seal"))
      await settled(el as HTMLElementTagNameMap["pt-partner-badge"]);
    const s = await stats(server);
    expect(s.status).to.equal(1);
    expect(s.jwks).to.equal(1);
  });

  it("issue 10: the keys are fetched alongside the token, not after it (one round trip of latency)", async () => {
    const server = newServer();
    const el = await fixture<HTMLElementTagNameMap["pt-partner-badge"]>(
      html`<pt-partner-badge partner="lagging" server=${server}></pt-partner-badge>`,
    );
    await settled(el);
    expect(el.state).to.equal("verified");
    const s = await stats(server);
    expect(s.jwks).to.equal(1);
    expect(s.jwksBeforeToken).to.equal(1);
  });

  it("two partners on one page: one request each", async () => {
    const server = newServer();
    const page = await fixture(html`<div>
      <pt-partner-badge partner="gold" server=${server}></pt-partner-badge>
      <pt-partner-badge partner="certified" server=${server}></pt-partner-badge>
      <pt-quality-seal partner="certified" server=${server}></pt-quality-seal>
    </div>`);
    for (const el of page.querySelectorAll("pt-partner-badge, pt-quality-seal"))
      await settled(el as HTMLElementTagNameMap["pt-partner-badge"]);
    expect((await stats(server)).status).to.equal(2);
  });

  it("refreshes 30 s before a 10-minute token expires, at 80% of a short one", () => {
    expect(refreshDelay(600_000)).to.equal(570_000);
    expect(refreshDelay(4000)).to.equal(3200);
    expect(refreshDelay(-5)).to.equal(1000);
  });
});

describe("token and host rules", () => {
  it("host binding: exact host, www. ignored on both sides, case and IDN normalised", () => {
    expect(hostAllowed("partner.test", ["partner.test"])).to.equal(true);
    expect(hostAllowed("WWW.Partner.test", ["partner.test"])).to.equal(true);
    expect(hostAllowed("partner.test", ["www.partner.test"])).to.equal(true);
    const punycode = new URL("http://партнёр.test/").hostname;
    expect(punycode).to.match(/^xn--/);
    expect(hostAllowed(punycode, ["партнёр.test"])).to.equal(true);
    expect(hostAllowed("sub.partner.test", ["partner.test"])).to.equal(false);
    expect(hostAllowed("partner.test.evil.com", ["partner.test"])).to.equal(false);
    expect(hostAllowed("", [""])).to.equal(false);
  });

  it("claims: expired beyond the clock skew, issued in the future, another subject or issuer are refused", () => {
    const now = 1_800_000_000;
    const server = "https://trust.example/pt";
    const payload = (p: Partial<StatusTokenPayload>) =>
      ({
        iss: "https://trust.example",
        sub: "7",
        iat: now - 60,
        exp: now + 540,
        partner: { id: "7" },
        ...p,
      }) as StatusTokenPayload;
    const reason = (p: StatusTokenPayload) => {
      try {
        checkClaims(p, "7", server, now);
        return "ok";
      } catch (e) {
        return (e as TokenError).reason;
      }
    };
    expect(reason(payload({}))).to.equal("ok");
    expect(reason(payload({ exp: now - CLOCK_SKEW_S + 1 }))).to.equal("ok");
    expect(reason(payload({ exp: now - CLOCK_SKEW_S }))).to.equal("expired");
    expect(reason(payload({ iat: now + CLOCK_SKEW_S + 1 }))).to.equal("claims");
    expect(reason(payload({ sub: "8" }))).to.equal("claims");
    expect(reason(payload({ iss: "https://evil.example" }))).to.equal("claims");
  });

  it("malformed tokens are refused before any signature check", () => {
    for (const bad of [undefined, 42, "", "a.b", "a.b.c.d", "e30.e30.AAAA", "!!.e30.AAAA"]) {
      expect(() => decodeToken(bad), String(bad)).to.throw(TokenError);
    }
  });
});
