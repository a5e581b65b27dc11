// The public directory (R2.7): search and filters over the published partners, in the engine's ranking order
// (program/directory/list.ts — the same listing as GET /api/v1/public/partners).
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { competencies } from "../db/schema/index.ts";
import { publishedPartners } from "../program/directory/cache.ts";
import { decodeCursor, filterDirectory, page as pageOf } from "../program/directory/list.ts";
import { createRouter } from "../routes/router.ts";
import type { AppEnv } from "../types.ts";
import { field, select } from "./form.ts";
import { bi, page } from "./layout.ts";
import { partnerList } from "./partner-list.ts";

const PAGE_SIZE = 24;

const Query = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  city: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["business", "certified", "gold"]).optional().catch(undefined),
  competency: z.string().trim().max(100).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

const statusOptions = [
  ["", "Любой статус", "Any status"],
  ["gold", "Золотой сертифицированный", "Gold certified"],
  ["certified", "Сертифицированный", "Certified"],
  ["business", "Бизнес-партнёр", "Business partner"],
] as const;

export function directoryPageRoutes({ db, clock }: { db: Db; clock: Clock }) {
  // "/" and "/partners" (where the widgets' competency emblems link, `?competency=`) are the same page.
  const router = createRouter();
  for (const path of ["/", "/partners"]) router.get(path, (c) => directoryPage(c, { db, clock }));
  return router;
}

async function directoryPage(c: Context<AppEnv>, { db, clock }: { db: Db; clock: Clock }) {
  const raw = Query.parse(c.req.query());
  const q = Object.fromEntries(Object.entries(raw).filter(([, v]) => v)) as z.infer<typeof Query>;
  const [all, kinds] = await Promise.all([
    publishedPartners(db, { clock }),
    db
      .select({ code: competencies.code, ru: competencies.titleRu, en: competencies.titleEn })
      .from(competencies),
  ]);
  const cities = [...new Set(all.map((e) => e.city))].sort((a, b) => a.localeCompare(b, "ru"));
  const found = filterDirectory(all, q);
  let cursor = q.cursor;
  try {
    if (cursor) decodeCursor(cursor);
  } catch {
    cursor = undefined; // a cursor this page never made: start from the top
  }
  const { items, nextCursor } = pageOf(found, cursor, PAGE_SIZE);
  const firstRank = items[0] ? found.indexOf(items[0]) + 1 : undefined;
  const nextUrl = nextCursor
    ? `/?${new URLSearchParams({ ...q, cursor: nextCursor } as Record<string, string>).toString()}`
    : null;
  const body = html`<h1>${bi("Каталог партнёров 1С-Битрикс", "1C-Bitrix partner directory")}</h1>
      <form class="filters" method="get" action="/" role="search" aria-label="Поиск партнёров / Partner search">
        ${field({ name: "q", type: "search", label: ["Поиск", "Search"], value: q.q })}
        ${select({
          name: "city",
          label: ["Город", "City"],
          value: q.city,
          options: [["", "Любой город", "Any city"], ...cities.map((city) => [city, city, ""] as const)],
        })}
        ${select({ name: "status", label: ["Статус", "Status"], value: q.status, options: statusOptions })}
        ${select({
          name: "competency",
          label: ["Компетенция", "Competency"],
          value: q.competency,
          options: [["", "Любая", "Any"], ...kinds.map((k) => [k.code, k.ru, k.en] as const)],
        })}
        <div><button type="submit">${bi("Найти", "Search")}</button></div>
      </form>
      <p role="status">${bi(`Найдено: ${found.length}`, `Found: ${found.length}`)} ·
        <span class="muted">${bi("по рейтингу партнёров", "by partner rating")}</span></p>
      ${partnerList(items, firstRank)}
      ${nextUrl ? html`<p><a class="button secondary" href="${nextUrl}" rel="next">${bi("Следующие", "Next")}</a></p>` : ""}`;
  return c.html(
    page("Каталог партнёров / Partner directory", body, "", { principal: c.get("principal"), path: "/" }),
  );
}
