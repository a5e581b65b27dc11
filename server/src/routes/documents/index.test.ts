import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import {
  partnerWithUsers,
  staffUser,
  type TestPartner,
  withPriceList,
} from "../../program/purchases/test-support.ts";
import { partnerChanged } from "../../program/status/events.ts";
import { createHarness, type Harness, ORIGIN } from "../../test/harness.ts";

const clock = fixedClock("2026-11-24T09:00:00Z");

async function pdfText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("documents (R2.5)", () => {
  let h: Harness;
  let p: TestPartner;
  let mod: string;
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withPriceList(h, clock);
    p = await partnerWithUsers(h, { approvedOn: "2026-03-02", name: "ООО «Ёлка-Софт»" });
    await h.db
      .update(s.partners)
      .set({
        status: "certified",
        statusSince: "2026-06-15",
        statusUntil: "2027-06-15",
        contractAt: new Date("2026-03-02T07:00:00Z"),
      })
      .where(eq(s.partners.id, p.id));
    mod = (await staffUser(h, "moderator")).cookie;
  });
  afterAll(() => h.close());

  const get = (doc: string, cookie: string, headers: Record<string, string> = {}) =>
    h.app.request(`/api/v1/partners/${p.id}/documents/${doc}`, {
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
    });

  it("R2.5: the certificate is a PDF with the name, the Russian and English status, its dates and the verification URL", async () => {
    const res = await get("certificate.pdf", p.main);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(res);
    expect(text).toContain("СЕРТИФИКАТ ПАРТНЁРА 1С-БИТРИКС");
    expect(text).toContain("ООО «Ёлка-Софт»");
    expect(text).toContain("имеет статус «Сертифицированный партнёр 1С-Битрикс»");
    expect(text).toContain('holds the status "1C-Bitrix Certified Partner"');
    expect(text).toContain("15.06.2026");
    expect(text).toContain("15.06.2027");
    expect(text).toContain(`${ORIGIN}/partners/${p.id}`);
    // Russian first, then English.
    expect(text.indexOf("имеет статус")).toBeLessThan(text.indexOf("holds the status"));
  });

  it("R2.5: the authorization letter names the contract, the status and the editions, with the verification URL", async () => {
    const res = await get("authorization-letter.pdf", p.full);
    expect(res.status).toBe(200);
    const text = await pdfText(res);
    expect(text).toContain("АВТОРИЗАЦИОННОЕ ПИСЬМО");
    expect(text).toContain("договор о сотрудничестве от 02.03.2026");
    expect(text).toContain("Сертифицированный партнёр 1С-Битрикс");
    for (const edition of ["Старт", "Стандарт", "Малый бизнес", "Бизнес"]) expect(text).toContain(edition);
    expect(text).toContain(`${ORIGIN}/partners/${p.id}`);
  });

  it("R2.5: an unchanged status gives the same document (ETag, 304); a status change gives a new one", async () => {
    const first = await get("certificate.pdf", p.main);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect((await get("certificate.pdf", p.main, { "if-none-match": etag })).status).toBe(304);
    await h.db
      .update(s.partners)
      .set({ status: "gold", statusSince: "2026-11-24", statusUntil: "2027-11-24" })
      .where(eq(s.partners.id, p.id));
    partnerChanged(h.db, [p.id]);
    const next = await get("certificate.pdf", p.main, { "if-none-match": etag });
    expect(next.status).toBe(200);
    expect(next.headers.get("etag")).not.toBe(etag);
    const text = await pdfText(next);
    expect(text).toContain("«Золотой сертифицированный партнёр 1С-Битрикс»");
    expect(text).toContain("24.11.2027");
  });

  it("R4E.4: limited and certified-only users 403, anonymous 401; staff may download", async () => {
    expect((await get("certificate.pdf", p.limited)).status).toBe(403);
    expect((await get("certificate.pdf", p.certified)).status).toBe(403);
    expect((await get("certificate.pdf", "")).status).toBe(401);
    expect((await get("authorization-letter.pdf", mod)).status).toBe(200);
  });

  it("R1.5c: a terminated partner has no certificate (409); no contract, no letter (409)", async () => {
    const noContract = await partnerWithUsers(h, { approvedOn: "2026-05-05", name: "ООО Без договора" });
    const letter = await h.app.request(
      `/api/v1/partners/${noContract.id}/documents/authorization-letter.pdf`,
      {
        headers: { cookie: noContract.main },
      },
    );
    expect(letter.status).toBe(409);
    await h.db
      .update(s.partners)
      .set({
        status: "none",
        statusSince: "2026-11-20",
        statusUntil: null,
        terminatedAt: new Date("2026-11-19T21:00:00Z"),
      })
      .where(eq(s.partners.id, p.id));
    partnerChanged(h.db, [p.id]);
    const res = await get("certificate.pdf", p.main);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await get("authorization-letter.pdf", p.main)).status).toBe(409);
  });
});
