// R2.5: the partner's documents as PDFs — the partner certificate (its current status) and, once the contract
// is concluded, the authorization letter; both carry the verification page's URL and QR code.

import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import type { Db } from "../../db/client.ts";
import { partners } from "../../db/schema/index.ts";
import type { AppEnv } from "../../types.ts";
import { bi } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

export async function documentsPage(c: Context<AppEnv>, { db }: { db: Db }) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, [row]] = await Promise.all([
    loadPartner(db, partnerId),
    db.select({ contractAt: partners.contractAt }).from(partners).where(eq(partners.id, partnerId)),
  ]);
  const base = `/api/v1/partners/${partner.id}/documents`;
  const body = partner.terminatedAt
    ? html`<p class="bad">${bi("Партнёрство прекращено: документы больше не выдаются.", "The partnership has ended: no documents are issued.")}</p>`
    : html`<ul>
        <li><a href="${base}/certificate.pdf" type="application/pdf">${bi("Сертификат партнёра (PDF)", "Partner certificate (PDF)")}</a>
          <span class="muted">${bi("— с текущим статусом; обновляется при смене статуса", "— with the current status; renewed when it changes")}</span></li>
        ${
          row?.contractAt
            ? html`<li><a href="${base}/authorization-letter.pdf" type="application/pdf">${bi("Авторизационное письмо (PDF)", "Authorization letter (PDF)")}</a></li>`
            : html`<li class="muted">${bi("Авторизационное письмо — после заключения договора", "Authorization letter — once the contract is concluded")}</li>`
        }
      </ul>
      <p class="muted">${bi("На каждом документе — ссылка и QR-код страницы проверки статуса.", "Each document carries the link and QR code of the status verification page.")}</p>`;
  return cabinetPage(c, partner, "documents", ["Документы", "Documents"], body);
}
