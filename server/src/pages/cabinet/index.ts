// The partner cabinet (R2.6) at /cabinet/{partnerId}/…: one page per section (see frame.ts `sections`); the
// policy decides who opens each (pages/policy.ts, the R4E rights of rights.ts).
import { asc } from "drizzle-orm";
import { html } from "hono/html";
import type { Db } from "../../db/client.ts";
import { partners } from "../../db/schema/index.ts";
import { createRouter } from "../../routes/router.ts";
import type { PageDeps } from "../index.ts";
import { bi, page } from "../layout.ts";
import { may, sections } from "./frame.ts";
import { overviewPage } from "./overview.ts";
import { addProjectForm, projectsPage } from "./projects.ts";
import { widgetsPage } from "./widgets.ts";

async function staffList(db: Db) {
  return db.select({ id: partners.id, name: partners.name }).from(partners).orderBy(asc(partners.name));
}

export function cabinetPageRoutes(deps: PageDeps) {
  return createRouter()
    .get("/cabinet", async (c) => {
      const principal = c.get("principal")!;
      const isStaff = principal.roles.includes("admin") || principal.roles.includes("moderator");
      // Where each link may enter: the first section its rights open (limited users have no overview).
      const entries = principal.partnerLinks
        .filter((l) => l.invitation === "accepted")
        .map((l) => ({ ...l, first: sections.find((s) => may(principal, l.partnerId, s.right)) }));
      const open = entries.filter((e) => e.first);
      if (!isStaff && open.length === 1) {
        const only = open[0]!;
        return c.redirect(`/cabinet/${only.partnerId}${only.first!.slug ? `/${only.first!.slug}` : ""}`, 303);
      }
      const all = isStaff ? await staffList(deps.db) : [];
      const body = html`<h1>${bi("Кабинет партнёра", "Partner cabinet")}</h1>
        ${
          entries.length
            ? html`<ul>${entries.map((e) =>
                e.first
                  ? html`<li><a href="/cabinet/${e.partnerId}${e.first.slug ? `/${e.first.slug}` : ""}">${e.partnerName}</a></li>`
                  : html`<li>${e.partnerName} — <span class="muted">${bi("сертифицированный сотрудник: без доступа к кабинету", "certified employee: no cabinet access")}</span></li>`,
              )}</ul>`
            : isStaff
              ? ""
              : html`<p class="note">${bi("Вы не привязаны ни к одному партнёру.", "You are not attached to any partner.")}</p>`
        }
        ${
          isStaff
            ? html`<h2>${bi("Все партнёры (сотрудникам вендора)", "All partners (vendor staff)")}</h2>
              <ul>${all.map((p) => html`<li><a href="/cabinet/${p.id}">${p.name}</a></li>`)}</ul>`
            : ""
        }`;
      return c.html(page("Кабинет / Cabinet", body, "", { principal, path: "/cabinet", narrow: true }));
    })
    .get("/cabinet/:partnerId", (c) => overviewPage(c, deps))
    .get("/cabinet/:partnerId/projects", (c) => projectsPage(c, deps))
    .post("/cabinet/:partnerId/projects", (c) => addProjectForm(c, deps))
    .get("/cabinet/:partnerId/widgets", (c) => widgetsPage(c, deps));
}
