// R2.5: the partner certificate — the partner's name, status and its dates, Russian first with English, and the
// verification URL with its QR code (the page anyone can open to check the status is live).
import { statusTitle } from "../badges/credential.ts";
import type { DocumentClaim } from "./claim.ts";
import { accent, drawQr, ink, muted, newDocument, paragraph, ruDate } from "./pdf.ts";

export async function renderCertificate(claim: DocumentClaim, created: Date): Promise<Uint8Array> {
  const title = statusTitle(claim.status);
  const { doc, regular, bold } = await newDocument({
    title: `Сертификат партнёра — ${claim.name} / Partner certificate`,
    subject: title.ru,
    created,
  });
  const page = doc.addPage([842, 595]); // A4 landscape
  const { width, height } = page.getSize();
  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: accent,
    borderWidth: 2,
  });
  page.drawRectangle({
    x: 32,
    y: 32,
    width: width - 64,
    height: height - 64,
    borderColor: accent,
    borderWidth: 0.5,
  });
  const box = { x: 70, width: width - 140 };
  let y = height - 100;
  y = paragraph(page, "СЕРТИФИКАТ ПАРТНЁРА 1С-БИТРИКС", {
    ...box,
    y,
    font: bold,
    size: 28,
    color: accent,
    center: true,
  });
  y = paragraph(page, "1C-Bitrix Partner Certificate", {
    ...box,
    y: y + 4,
    font: regular,
    size: 15,
    color: muted,
    center: true,
  });
  y = paragraph(page, "Настоящим удостоверяется, что / This certifies that", {
    ...box,
    y: y - 24,
    font: regular,
    size: 13,
    center: true,
  });
  y = paragraph(page, claim.name, { ...box, y: y - 10, font: bold, size: 26, center: true });
  y = paragraph(page, `имеет статус «${title.ru}»`, {
    ...box,
    y: y - 12,
    font: regular,
    size: 16,
    center: true,
  });
  y = paragraph(page, `holds the status "${title.en}"`, {
    ...box,
    y,
    font: regular,
    size: 13,
    color: muted,
    center: true,
  });
  const since = claim.since ? ruDate(claim.since) : "—";
  const until = claim.until ? ruDate(claim.until) : "бессрочно / no end date";
  y = paragraph(page, `Статус присвоен / Granted on: ${since}    Действителен до / Valid until: ${until}`, {
    ...box,
    y: y - 20,
    font: bold,
    size: 13,
    center: true,
  });

  const qr = 110;
  drawQr(page, claim.verifyUrl, box.x, 60, qr);
  const textX = box.x + qr + 20;
  let vy = 60 + qr - 16;
  vy = paragraph(page, "Проверить действующий статус партнёра:", {
    x: textX,
    y: vy,
    width: 520,
    font: regular,
    size: 11,
  });
  vy = paragraph(page, "Verify the partner's current status:", {
    x: textX,
    y: vy,
    width: 520,
    font: regular,
    size: 11,
    color: muted,
  });
  paragraph(page, claim.verifyUrl, { x: textX, y: vy - 4, width: 560, font: bold, size: 11, color: ink });
  paragraph(
    page,
    "Статус действителен, пока он показан на странице проверки. / The status holds while the verification page shows it.",
    { x: textX, y: 72, width: 560, font: regular, size: 9, color: muted },
  );
  return doc.save();
}
