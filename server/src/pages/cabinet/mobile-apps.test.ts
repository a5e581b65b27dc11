// R5.2: the cabinet's «Мобильные приложения / Mobile apps» section through the real app — who opens it (R4E.4),
// the add form (errors by field, a store page already listed named on storeUrl), the list with state and points.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  partnerWithUsers,
  staffUser,
  type TestPartner,
  withPriceList,
} from "../../program/purchases/test-support.ts";
import { dayClock } from "../../program/status/test-support.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { fieldErrorOf, getPage, postForm } from "../../test/http.ts";

const clock = dayClock("2026-10-28");

describe("cabinet: mobile apps (R5.2)", () => {
  let h: Harness;
  let p: TestPartner;
  let mod: { cookie: string };
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withPriceList(h, clock);
    p = await partnerWithUsers(h, { approvedOn: "2026-03-02", name: "ООО Мобайл" });
    mod = await staffUser(h, "moderator");
  });
  afterAll(() => h.close());

  const path = () => `/cabinet/${p.id}/mobile-apps`;
  const get = (cookie: string) => getPage(h, path(), cookie);
  const post = (form: Record<string, string>, cookie = p.limited) => postForm(h, path(), form, cookie);
  const errorOf = fieldErrorOf;
  const good = {
    title: "Чайная лавка",
    storeUrl: "https://play.google.com/store/apps/details?id=ru.chai.app&hl=ru",
    editionId: "business",
    clientName: "ООО «Чай»",
  };

  it("R4E.4: section users (limited too) and staff open it, in the menu; certified-only users do not", async () => {
    const page = await get(p.limited);
    expect(page.res.status).toBe(200);
    expect(page.text).toContain(`href="${path()}" aria-current="page"`);
    expect(page.text).toContain("Приложений пока нет");
    expect(page.text).toMatch(/<option value="business">Бизнес<\/option>/);
    expect((await get(mod.cookie)).res.status).toBe(200);
    expect((await get(p.certified)).res.status).toBe(403);
    expect((await post(good, p.certified)).res.status).toBe(403);
  });

  it("R5.2: bad input is a 422 with the error next to its field; nothing is added", async () => {
    const empty = await post({ title: "", storeUrl: "", editionId: "", clientName: "" });
    expect(empty.res.status).toBe(422);
    for (const name of ["title", "storeUrl", "editionId", "clientName"])
      expect(errorOf(empty.text, name)).toBeTruthy();
    const host = await post({ ...good, storeUrl: "https://example.com/app" });
    expect(host.res.status).toBe(422);
    expect(errorOf(host.text, "storeUrl")).toContain("apps.apple.com");
    expect((await get(p.main)).text).toContain("Приложений пока нет");
  });

  it("R5.2: an app is added as pending with the points its edition would give; the same store page again is a 409 on storeUrl", async () => {
    const ok = await post(good);
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get("location")).toBe(`${path()}?added=1`);
    const page = await get(p.main);
    expect(page.text).toContain("https://play.google.com/store/apps/details?id=ru.chai.app");
    expect(page.text).toContain("на проверке");
    expect(page.text).toContain("≈73"); // round-half-up(72 900 / 1000)
    const again = await post({
      ...good,
      storeUrl: "https://play.google.com/store/apps/details?id=ru.chai.app",
    });
    expect(again.res.status).toBe(409);
    expect(errorOf(again.text, "storeUrl")).toContain("уже добавлено");
  });
});
