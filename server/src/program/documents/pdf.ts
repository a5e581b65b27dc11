// R2.5: what both documents share — PT Sans (OFL, from the npm package, embedded whole: fontkit's subsetting
// loses its outlines, so nothing would be drawn), wrapped text, and the verification URL's QR code as squares.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import QRCode from "qrcode";

const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;

/** The TTF files, read once; never fetched at runtime. */
function fontFiles() {
  fonts ??= {
    regular: readFileSync(require.resolve("@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf")),
    bold: readFileSync(require.resolve("@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf")),
  };
  return fonts;
}

export const ink = rgb(0.13, 0.16, 0.22);
export const muted = rgb(0.38, 0.42, 0.5);
export const accent = rgb(0.0, 0.42, 0.7);

export type Canvas = { doc: PDFDocument; regular: PDFFont; bold: PDFFont };

export async function newDocument(meta: { title: string; subject: string; created: Date }): Promise<Canvas> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = fontFiles();
  const regular = await doc.embedFont(files.regular, { subset: false });
  const bold = await doc.embedFont(files.bold, { subset: false });
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setAuthor("1С-Битрикс / 1C-Bitrix");
  doc.setProducer("Partner Trust");
  doc.setLanguage("ru-RU");
  doc.setCreationDate(meta.created);
  doc.setModificationDate(meta.created);
  return { doc, regular, bold };
}

/** Splits `text` into lines no wider than `width` at `size`. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws wrapped text from `y` downwards; returns the y below it. */
export function paragraph(
  page: PDFPage,
  text: string,
  o: {
    x: number;
    y: number;
    width: number;
    font: PDFFont;
    size: number;
    color?: ReturnType<typeof rgb>;
    center?: boolean;
  },
): number {
  let y = o.y;
  for (const line of wrap(text, o.font, o.size, o.width)) {
    const w = o.font.widthOfTextAtSize(line, o.size);
    page.drawText(line, {
      x: o.center ? o.x + (o.width - w) / 2 : o.x,
      y,
      size: o.size,
      font: o.font,
      color: o.color ?? ink,
    });
    y -= o.size * 1.35;
  }
  return y;
}

/** The QR code of `url`, `size` points wide, with its lower-left corner at (x, y). */
export function drawQr(page: PDFPage, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      page.drawRectangle({
        x: x + (col + quiet) * cell,
        y: y + size - (row + quiet + 1) * cell,
        width: cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** `2026-11-24` → `24.11.2026`, as Russian documents write dates. */
export const ruDate = (day: string) => day.split("-").reverse().join(".");
