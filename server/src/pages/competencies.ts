// R4.3: each competency's own listing and independent rating — the directory ranking among its holders.
import { eq } from "drizzle-orm";
import { html } from "hono/html";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { competencies } from "../db/schema/index.ts";
import { publishedPartners } from "../program/directory/cache.ts";
import { filterDirectory } from "../program/directory/list.ts";
import { createRouter } from "../routes/router.ts";
import { bi, page } from "./layout.ts";
import { partnerList } from "./partner-list.ts";

export function competencyPageRoutes({ db, clock }: { db: Db; clock: Clock }) {
  const titles = (code?: string) => {
    const q = db
      .select({ code: competencies.code, ru: competencies.titleRu, en: competencies.titleEn })
      .from(competencies);
    return code ? q.where(eq(competencies.code, code)) : q.orderBy(competencies.titleRu);
  };
  return createRouter()
    .get("/competencies", async (c) => {
      const [all, kinds] = await Promise.all([publishedPartners(db, { clock }), titles()]);
      const body = html`<h1>${bi("Компетенции партнёров", "Partner competencies")}</h1>
        <p>${bi(
          "У каждой компетенции — свой список партнёров и свой рейтинг.",
          "Each competency has its own list of partners and its own rating.",
        )}</p>
        <ul class="cards">${kinds.map((k) => {
          const n = all.filter((e) => e.competencies.some((x) => x.id === k.code)).length;
          return html`<li><h2><a href="/competencies/${encodeURIComponent(k.code)}">${k.ru}</a></h2>
            <span lang="en">${k.en}</span>
            <span>${bi(`Партнёров: ${n}`, `Partners: ${n}`)}</span></li>`;
        })}</ul>`;
      return c.html(
        page("Компетенции / Competencies", body, "", {
          principal: c.get("principal"),
          path: "/competencies",
        }),
      );
    })
    .get("/competencies/:code", async (c) => {
      const code = c.req.param("code");
      const [[kind], all] = await Promise.all([titles(code), publishedPartners(db, { clock })]);
      const chrome = { principal: c.get("principal"), path: "/competencies" };
      if (!kind) {
        return c.html(
          page(
            "Компетенция не найдена / Competency not found",
            html`<h1>${bi("Компетенция не найдена", "Competency not found")}</h1>
            <p><a href="/competencies">${bi("Все компетенции", "All competencies")}</a></p>`,
            "",
            chrome,
          ),
          404,
        );
      }
      const ranked = filterDirectory(all, { competency: kind.code });
      const body = html`<p><a href="/competencies">${bi("Все компетенции", "All competencies")}</a></p>
        <h1>${bi(kind.ru, kind.en)}</h1>
        <p>${bi(
          `Рейтинг партнёров с этой компетенцией: ${ranked.length}.`,
          `Rating of the partners holding this competency: ${ranked.length}.`,
        )} <a href="/?competency=${encodeURIComponent(kind.code)}">${bi("Искать с фильтрами", "Search with filters")}</a></p>
        ${partnerList(ranked, 1)}`;
      return c.html(page(`${kind.ru} / ${kind.en}`, body, "", chrome));
    });
}
