// The partner cabinet (R2.6) at /cabinet/{partnerId}/…: one page per section (see frame.ts `sections`); the
// policy decides who opens each (pages/policy.ts, the R4E rights of rights.ts).
import { asc } from "drizzle-orm";
import { html } from "hono/html";
import type { Db } from "../../db/client.ts";
import { partners } from "../../db/schema/index.ts";
import { answerInvitation, invitationsOf } from "../../program/employees/links.ts";
import { levelEn, levelRu } from "../../program/employees/mail.ts";
import { createRouter } from "../../routes/router.ts";
import { readForm } from "../form.ts";
import type { PageDeps } from "../index.ts";
import { bi, page } from "../layout.ts";
import { cardForm, cardPage, logoForm } from "./card.ts";
import { documentsPage } from "./documents.ts";
import { changeForm, detachForm, employeesPage, inviteForm } from "./employees.ts";
import { may, sections } from "./frame.ts";
import { leadsPage, proposalForm } from "./leads.ts";
import {
  addModuleForm,
  addUpdateForm,
  claimPublicationForm,
  editModuleForm,
  marketplacePage,
} from "./marketplace.ts";
import { addMobileAppForm, mobileAppsPage } from "./mobile-apps.ts";
import { bitrix24Form, downgradeForm, nfrPage, ownSiteForm } from "./nfr.ts";
import { overviewPage } from "./overview.ts";
import { bookDayForm, phoneDaysPage, reportForm } from "./phone-days.ts";
import { pointsForm, pointsPage } from "./points.ts";
import { addProjectForm, projectsPage } from "./projects.ts";
import { promotionForm, promotionsPage } from "./promotions.ts";
import { purchaseForm, purchasesPage } from "./purchases.ts";
import { qmPage } from "./qm.ts";
import { trainingPage } from "./training.ts";
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
        .map((l) => ({ ...l, first: sections.find((s) => may(principal, l.partnerId, s.right, false)) }));
      const open = entries.filter((e) => e.first);
      const invitations = await invitationsOf(deps.db, principal.userId, deps.clock.now());
      if (!isStaff && open.length === 1 && !invitations.length) {
        const only = open[0]!;
        return c.redirect(`/cabinet/${only.partnerId}${only.first!.slug ? `/${only.first!.slug}` : ""}`, 303);
      }
      const all = isStaff ? await staffList(deps.db) : [];
      const body = html`<h1>${bi("Кабинет партнёра", "Partner cabinet")}</h1>
        ${c.req.query("answered") ? html`<p class="ok" role="status">${bi("Ответ на приглашение сохранён.", "Your answer was saved.")}</p>` : ""}
        ${
          invitations.length
            ? html`<section aria-labelledby="inv-h"><h2 id="inv-h">${bi("Приглашения", "Invitations")}</h2>
              <p class="muted">${bi("Партнёр добавил вас сотрудником; доступ появится после согласия (R4E.1).", "A partner added you as an employee; access starts once you agree (R4E.1).")}</p>
              <ul>${invitations.map(
                (i) => html`<li><strong>${i.partnerName}</strong> — ${bi(levelRu[i.level], levelEn[i.level])}
                  <form class="copy-row" method="post" action="/cabinet/invitations/${i.id}/accept"><button type="submit">${bi("Принять", "Accept")}</button></form>
                  <form class="copy-row" method="post" action="/cabinet/invitations/${i.id}/decline"><button class="secondary" type="submit">${bi("Отклонить", "Decline")}</button></form></li>`,
              )}</ul></section>`
            : ""
        }
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
    .post("/cabinet/invitations/:linkId/:answer{accept|decline}", async (c) => {
      await readForm(c, [deps.publicUrl]);
      const answer = c.req.param("answer") === "accept" ? "accepted" : "declined";
      const by = { userId: c.get("principal")!.userId, now: deps.clock.now() };
      await answerInvitation(deps.db, c.req.param("linkId"), answer, by, deps.clock);
      return c.redirect("/cabinet?answered=1", 303);
    })
    .get("/cabinet/:partnerId", (c) => overviewPage(c, deps))
    .get("/cabinet/:partnerId/card", (c) => cardPage(c, deps))
    .post("/cabinet/:partnerId/card", (c) => cardForm(c, deps))
    .post("/cabinet/:partnerId/card/logo", (c) => logoForm(c, deps))
    .get("/cabinet/:partnerId/employees", (c) => employeesPage(c, deps))
    .post("/cabinet/:partnerId/employees", (c) => inviteForm(c, deps))
    .post("/cabinet/:partnerId/employees/:linkId", (c) => changeForm(c, deps))
    .post("/cabinet/:partnerId/employees/:linkId/detach", (c) => detachForm(c, deps))
    .get("/cabinet/:partnerId/training", (c) => trainingPage(c, deps))
    .get("/cabinet/:partnerId/projects", (c) => projectsPage(c, deps))
    .post("/cabinet/:partnerId/projects", (c) => addProjectForm(c, deps))
    .get("/cabinet/:partnerId/qm", (c) => qmPage(c, deps))
    .get("/cabinet/:partnerId/mobile-apps", (c) => mobileAppsPage(c, deps))
    .post("/cabinet/:partnerId/mobile-apps", (c) => addMobileAppForm(c, deps))
    .get("/cabinet/:partnerId/points", (c) => pointsPage(c, deps))
    .post("/cabinet/:partnerId/points", (c) => pointsForm(c, deps))
    .get("/cabinet/:partnerId/purchases", (c) => purchasesPage(c, deps))
    .post("/cabinet/:partnerId/purchases", (c) => purchaseForm(c, deps))
    .get("/cabinet/:partnerId/nfr", (c) => nfrPage(c, deps))
    .post("/cabinet/:partnerId/nfr/downgrade", (c) => downgradeForm(c, deps))
    .post("/cabinet/:partnerId/nfr/own-site", (c) => ownSiteForm(c, deps))
    .post("/cabinet/:partnerId/nfr/bitrix24", (c) => bitrix24Form(c, deps))
    .get("/cabinet/:partnerId/leads", (c) => leadsPage(c, deps))
    .post("/cabinet/:partnerId/leads/:leadId/proposals", (c) => proposalForm(c, deps))
    .get("/cabinet/:partnerId/promotions", (c) => promotionsPage(c, deps))
    .post("/cabinet/:partnerId/promotions", (c) => promotionForm(c, deps))
    .get("/cabinet/:partnerId/phone-days", (c) => phoneDaysPage(c, deps))
    .post("/cabinet/:partnerId/phone-days", (c) => bookDayForm(c, deps))
    .post("/cabinet/:partnerId/phone-days/:bookingId/report", (c) => reportForm(c, deps))
    .get("/cabinet/:partnerId/marketplace", (c) => marketplacePage(c, deps))
    .post("/cabinet/:partnerId/marketplace", (c) => addModuleForm(c, deps))
    .post("/cabinet/:partnerId/marketplace/:moduleId", (c) => editModuleForm(c, deps))
    .post("/cabinet/:partnerId/marketplace/:moduleId/updates", (c) => addUpdateForm(c, deps))
    .post("/cabinet/:partnerId/marketplace/:moduleId/publication", (c) => claimPublicationForm(c, deps))
    .get("/cabinet/:partnerId/documents", (c) => documentsPage(c, deps))
    .get("/cabinet/:partnerId/widgets", (c) => widgetsPage(c, deps));
}
