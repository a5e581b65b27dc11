// The cabinet's frame (R2.6): the partner's name and status, and the menu of the sections the signed-in user's
// R4E rights open (staff see every section of any partner).
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import type { Principal } from "../../auth/principal.ts";
import { holdsFlag, type PartnerRight, partnerRights } from "../../auth/rights.ts";
import type { Db } from "../../db/client.ts";
import { type PartnerStatus, partners } from "../../db/schema/index.ts";
import { noSuchPartner } from "../../errors/index.ts";
import type { AppEnv } from "../../types.ts";
import { bi, type Content, page } from "../layout.ts";
import { statusBadge } from "../partner-list.ts";

export type CabinetPartner = {
  id: string;
  name: string;
  status: PartnerStatus;
  statusSince: string;
  statusUntil: string | null;
  approvedAt: Date;
  terminatedAt: Date | null;
};

/**
 * The cabinet's sections, in menu order; `right` is the R4E right (rights.ts) that opens each, `staff` whether
 * vendor staff may look too (not at NFR keys, R6, nor at the leads' client contacts, R7.1c).
 */
export const sections = [
  { slug: "", ru: "Статус и баллы", en: "Status and points", right: "cabinet", staff: true },
  { slug: "card", ru: "Карточка", en: "Card", right: "editCard", staff: true },
  { slug: "employees", ru: "Сотрудники", en: "Employees", right: "manageEmployees", staff: true },
  { slug: "training", ru: "Сертификаты", en: "Certificates", right: "cabinet", staff: true },
  { slug: "projects", ru: "Проекты", en: "Projects", right: "sections", staff: true },
  { slug: "qm", ru: "Программа качества", en: "Quality monitoring", right: "sections", staff: true },
  { slug: "mobile-apps", ru: "Мобильные приложения", en: "Mobile apps", right: "sections", staff: true },
  { slug: "points", ru: "Дополнительные баллы", en: "Additional points", right: "sections", staff: true },
  { slug: "purchases", ru: "Покупки", en: "Purchases", right: "buy", staff: true },
  { slug: "nfr", ru: "NFR-лицензии", en: "NFR licenses", right: "cabinet", staff: false },
  { slug: "leads", ru: "Заявки клиентов", en: "Client leads", right: "leads", staff: false },
  { slug: "promotions", ru: "Акции", en: "Promotions", right: "sections", staff: true },
  {
    slug: "phone-days",
    ru: "Заказ сайта по телефону",
    en: "Order a site by phone",
    right: "sections",
    staff: true,
  },
  {
    slug: "marketplace",
    ru: "Модули Marketplace",
    en: "Marketplace modules",
    right: "marketplace",
    staff: true,
  },
  { slug: "documents", ru: "Документы", en: "Documents", right: "cabinet", staff: true },
  { slug: "widgets", ru: "Виджеты", en: "Widgets", right: "cabinet", staff: true },
] as const satisfies readonly { slug: string; ru: string; en: string; right: PartnerRight; staff: boolean }[];

/** R4E: whether `principal` holds `right` on this partner (staff: always), as the policy decides it. */
export function may(
  principal: Principal | null,
  partnerId: string,
  right: PartnerRight,
  staff = true,
): boolean {
  if (!principal) return false;
  if (staff && (principal.roles.includes("admin") || principal.roles.includes("moderator"))) return true;
  const r: { levels: readonly string[]; flag?: "leads" | "marketplace" } = partnerRights[right];
  return principal.partnerLinks.some(
    (l) =>
      l.invitation === "accepted" &&
      l.partnerId === partnerId &&
      r.levels.includes(l.level) &&
      (r.flag === undefined || holdsFlag(l.level, l, r.flag)),
  );
}

export async function loadPartner(db: Db, partnerId: string): Promise<CabinetPartner> {
  const [row] = await db
    .select({
      id: partners.id,
      name: partners.name,
      status: partners.status,
      statusSince: partners.statusSince,
      statusUntil: partners.statusUntil,
      approvedAt: partners.approvedAt,
      terminatedAt: partners.terminatedAt,
    })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!row) throw noSuchPartner();
  return row;
}

/** A cabinet page: the frame, the section menu (current one marked) and the section's body. */
export function cabinetPage(
  c: Context<AppEnv>,
  partner: CabinetPartner,
  slug: (typeof sections)[number]["slug"],
  title: [string, string],
  body: Content,
  head: Content | string = "",
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const principal = c.get("principal");
  const visible = sections.filter((s) => may(principal, partner.id, s.right, s.staff));
  const base = `/cabinet/${partner.id}`;
  return c.html(
    page(
      `${title[0]} — ${partner.name} / ${title[1]}`,
      html`<p class="muted">${bi("Кабинет партнёра", "Partner cabinet")} · <strong>${partner.name}</strong>
          ${statusBadge(partner.status)}</p>
        <div class="cabinet">
          <nav aria-label="Разделы кабинета / Cabinet sections"><ul>${visible.map(
            (s) =>
              html`<li><a href="${base}${s.slug ? `/${s.slug}` : ""}"${
                s.slug === slug ? html` aria-current="page"` : ""
              }>${bi(s.ru, s.en)}</a></li>`,
          )}</ul></nav>
          <div><h1>${bi(title[0], title[1])}</h1>${body}</div>
        </div>`,
      head,
      { principal, path: "/cabinet" },
    ),
    status,
  );
}
