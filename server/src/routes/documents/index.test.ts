import fontkit from "@pdf-lib/fontkit";
import { eq } from "drizzle-orm";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream } from "pdf-lib";
import QRCode from "qrcode";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import {
  markTerminated,
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

/** The QR code drawn on the first page, read back from its black squares as "row,col" cells. */
async function drawnQr(bytes: Uint8Array): Promise<Set<string>> {
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPages()[0]!.node.Contents() as PDFArray;
  const ops = contents
    .asArray()
    .map((r) => new TextDecoder().decode(decodePDFRawStream(doc.context.lookup(r) as PDFRawStream).decode()))
    .join("\n");
  const squares = [
    ...ops.matchAll(/q\n0 0 0 rg\n[\s\S]*?1 0 0 1 ([\d.]+) ([\d.]+) cm\n[\s\S]*?0 0 m\n0 ([\d.]+) l\n/g),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), size: Number(m[3]) }));
  const cell = squares[0]!.size;
  const left = Math.min(...squares.map((q) => q.x));
  const top = Math.max(...squares.map((q) => q.y));
  return new Set(squares.map((q) => `${Math.round((top - q.y) / cell)},${Math.round((q.x - left) / cell)}`));
}

/**
 * Every glyph the first page's text draws, looked up in the font embedded for it: [font, glyph id, has an outline].
 * Text extraction reads the ToUnicode map only, so it passes even when the embedded font draws nothing.
 */
async function drawnGlyphs(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPages()[0]!;
  const fontDicts = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
  const fonts = new Map<string, ReturnType<typeof fontkit.create>>();
  for (const [name] of fontDicts.entries()) {
    const type0 = fontDicts.lookup(name, PDFDict);
    const cid = type0.lookup(PDFName.of("DescendantFonts"), PDFArray).lookup(0, PDFDict);
    const file = cid
      .lookup(PDFName.of("FontDescriptor"), PDFDict)
      .lookup(PDFName.of("FontFile2")) as PDFRawStream;
    fonts.set(name.asString(), fontkit.create(decodePDFRawStream(file).decode()));
  }
  const ops = (page.node.Contents() as PDFArray)
    .asArray()
    .map((r) => new TextDecoder().decode(decodePDFRawStream(doc.context.lookup(r) as PDFRawStream).decode()))
    .join("\n");
  const drawn: { font: string; id: number; outlined: boolean; space: boolean }[] = [];
  let current = "";
  for (const m of ops.matchAll(/(\/[\w-]+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj/g)) {
    if (m[1]) current = m[1];
    else
      for (const hex of m[2]!.match(/.{4}/g)!) {
        const glyph = fonts.get(current)!.getGlyph(Number.parseInt(hex, 16));
        drawn.push({
          font: current,
          id: glyph.id,
          outlined: glyph.path.toSVG().length > 0,
          space: glyph.codePoints.every((c) => /\s/.test(String.fromCodePoint(c))),
        });
      }
  }
  return drawn;
}

/** The dark cells of the QR code of `text`. */
function expectedQr(text: string): Set<string> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cells = new Set<string>();
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) cells.add(`${r},${c}`);
  return cells;
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

  it("R2.5: the embedded Cyrillic font has an outline for every glyph the text draws", async () => {
    for (const doc of ["certificate.pdf", "authorization-letter.pdf"]) {
      const glyphs = await drawnGlyphs(new Uint8Array(await (await get(doc, p.main)).arrayBuffer()));
      expect(glyphs.length, doc).toBeGreaterThan(200);
      expect(
        glyphs.filter((g) => !g.outlined && !g.space),
        doc,
      ).toEqual([]);
    }
  });

  it("R2.5: both documents carry a QR code of the verification URL", async () => {
    const url = `${ORIGIN}/partners/${p.id}`;
    for (const doc of ["certificate.pdf", "authorization-letter.pdf"]) {
      const bytes = new Uint8Array(await (await get(doc, p.main)).arrayBuffer());
      const drawn = await drawnQr(bytes);
      expect(drawn.size, doc).toBeGreaterThan(100);
      expect(drawn, doc).toEqual(expectedQr(url));
      expect(drawn, doc).not.toEqual(expectedQr(`${ORIGIN}/partners/another`));
    }
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
    await markTerminated(h, p.id, "2026-11-20");
    partnerChanged(h.db, [p.id]);
    const res = await get("certificate.pdf", p.main);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await get("authorization-letter.pdf", p.main)).status).toBe(409);
  });
});
