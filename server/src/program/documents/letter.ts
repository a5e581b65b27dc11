// R2.5: the authorization letter — after the contract (R1.2c electronic, R1.3 paper), the vendor authorizes the
// partner to sell the listed editions; Russian first with English, with the verification URL and its QR code.
import { statusTitle } from "../badges/credential.ts";
import type { DocumentClaim, LetterFacts } from "./claim.ts";
import { accent, drawQr, muted, newDocument, paragraph, ruDate } from "./pdf.ts";

export async function renderAuthorizationLetter(
  claim: DocumentClaim,
  facts: LetterFacts,
  created: Date,
): Promise<Uint8Array> {
  const title = statusTitle(claim.status);
  const { doc, regular, bold } = await newDocument({
    title: `Авторизационное письмо — ${claim.name} / Authorization letter`,
    subject: title.ru,
    created,
  });
  const page = doc.addPage([595, 842]); // A4 portrait
  const { height } = page.getSize();
  const box = { x: 60, width: 475 };
  let y = height - 80;
  y = paragraph(page, "ООО «1С-Битрикс» / 1C-Bitrix LLC", { ...box, y, font: bold, size: 12, color: accent });
  y = paragraph(page, "АВТОРИЗАЦИОННОЕ ПИСЬМО", { ...box, y: y - 30, font: bold, size: 22, center: true });
  y = paragraph(page, "Authorization letter", {
    ...box,
    y: y + 2,
    font: regular,
    size: 13,
    color: muted,
    center: true,
  });
  const contract = `${ruDate(facts.contractOn)}`;
  const since = claim.since ? ruDate(claim.since) : "—";
  y = paragraph(
    page,
    `Настоящим ООО «1С-Битрикс» подтверждает, что «${claim.name}» является участником партнёрской программы 1С-Битрикс ` +
      `(договор о сотрудничестве от ${contract}) со статусом «${title.ru}» с ${since} и уполномочено продавать ` +
      "следующие редакции продукта «1С-Битрикс: Управление сайтом»:",
    { ...box, y: y - 30, font: regular, size: 12 },
  );
  for (const e of facts.editions)
    y = paragraph(page, `•  ${e}`, { ...box, x: box.x + 16, y: y - 2, font: bold, size: 12 });
  y = paragraph(
    page,
    `1C-Bitrix LLC confirms that "${claim.name}" is a member of the 1C-Bitrix partner program (cooperation contract ` +
      `of ${contract}) with the status "${title.en}" since ${since}, and is authorized to sell the editions of ` +
      `"1C-Bitrix: Site Management" listed above.`,
    { ...box, y: y - 14, font: regular, size: 11, color: muted },
  );
  y = paragraph(
    page,
    "Письмо действительно, пока партнёр участвует в программе; проверить это можно по ссылке или QR-коду. / " +
      "The letter holds while the partner is in the program; check it by the link or the QR code.",
    { ...box, y: y - 14, font: regular, size: 10 },
  );
  drawQr(page, claim.verifyUrl, box.x, 90, 100);
  paragraph(page, "Проверка статуса / Status verification:", {
    x: box.x + 116,
    y: 170,
    width: 360,
    font: regular,
    size: 10,
  });
  paragraph(page, claim.verifyUrl, { x: box.x + 116, y: 154, width: 360, font: bold, size: 10 });
  return doc.save();
}
