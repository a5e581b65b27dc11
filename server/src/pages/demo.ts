// /widgets/demo: every widget in every state with the real bundle and the real seeded partners (demo only:
// the seed registers `localhost` as a verified domain of the demo partners so "verified" shows here).
import { desc, eq, inArray } from "drizzle-orm";
import { html } from "hono/html";
import type { Db } from "../db/client.ts";
import { type PartnerStatus, partners, registeredDomains } from "../db/schema/index.ts";
import { createRouter } from "../routes/router.ts";
import { BUNDLE_PATH, type Bundle } from "../routes/widgets/bundle.ts";
import { page } from "./layout.ts";

type Pick = { id: string; name: string } | undefined;

async function demoPartners(db: Db) {
  const onLocalhost = await db
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .innerJoin(registeredDomains, eq(registeredDomains.partnerId, partners.id))
    .where(eq(registeredDomains.host, "localhost"))
    .orderBy(partners.name);
  const by = (s: PartnerStatus): Pick => onLocalhost.find((p) => p.status === s);
  const local = new Set(onLocalhost.map((p) => p.id));
  const others = await db
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .where(inArray(partners.status, ["business", "certified", "gold"]))
    .orderBy(desc(partners.status), partners.name);
  return {
    gold: by("gold"),
    certified: by("certified"),
    business: by("business"),
    terminated:
      by("none") ??
      (
        await db
          .select({ id: partners.id, name: partners.name })
          .from(partners)
          .where(eq(partners.status, "none"))
      )[0],
    foreign: others.find((p) => !local.has(p.id)),
  };
}

const all = (id: string, extra = "") =>
  html`<pt-partner-badge partner="${id}" ${extra}></pt-partner-badge>
    <pt-competency-emblems partner="${id}" ${extra}></pt-competency-emblems>
    <pt-quality-seal partner="${id}" ${extra}></pt-quality-seal>`;

function section(title: string, en: string, who: Pick, note: string) {
  if (!who)
    return html`<section><h2>${title} <span lang="en">/ ${en}</span></h2><p>Нет такого партнёра в демо-данных. <span lang="en">No such demo partner.</span></p></section>`;
  return html`<section><h2>${title} <span lang="en">/ ${en}</span></h2>
    <p>${who.name} — <code>${who.id}</code>. ${note}</p>${all(who.id)}</section>`;
}

export function demoPageRoutes({ db, bundle }: { db: Db; bundle: () => Bundle }) {
  return createRouter().get("/widgets/demo", async (c) => {
    const p = await demoPartners(db);
    let integrity = "";
    try {
      integrity = bundle().integrity;
    } catch {
      // not built: the page says so below
    }
    return c.html(
      page(
        "Виджеты партнёра — демо / Partner widgets — demo",
        html`<h1>Виджеты партнёра 1С-Битрикс <span lang="en">/ 1C-Bitrix partner widgets</span></h1>
          <p>Настоящий бандл <code>${BUNDLE_PATH}</code> и настоящие партнёры из демо-данных. Откройте страницу как
            <code>http://localhost:…</code> (безопасный контекст для WebCrypto): домен <code>localhost</code>
            зарегистрирован за демо-партнёрами только в демо-данных.
            <span lang="en">The real bundle and the seeded partners. Open it on http://localhost (a secure context for
            WebCrypto); <code>localhost</code> is a verified domain of the demo partners in the demo seed only.</span></p>
          ${integrity ? "" : html`<p class="bad">Бандл не собран: <code>pnpm --filter @partner-trust/widgets build</code>. <span lang="en">The bundle is not built.</span></p>`}
          ${section("Золотой партнёр", "Gold partner", p.gold, "Компетенции и печать программы качества. / Competencies and the QM seal.")}
          ${section("Сертифицированный партнёр", "Certified partner", p.certified, "")}
          ${section("Бизнес-партнёр", "Business partner", p.business, "")}
          ${section("Не является партнёром", "Not a partner (terminated)", p.terminated, "Партнёрство прекращено (R1.5c). / The partnership was terminated.")}
          ${section("Размещение не подтверждено", "Unverified placement", p.foreign, "Этот партнёр не регистрировал localhost. / This partner did not register localhost.")}
          <section><h2>Неизвестный партнёр <span lang="en">/ Unknown partner</span></h2>
            <p>Сервер отвечает 404: виджет говорит «Не является партнёром».
              <span lang="en">The server answers 404: the widget says "Not a partner".</span></p>
            <pt-partner-badge partner="00000000-0000-0000-0000-000000000000"></pt-partner-badge>
          </section>
          <section><h2>Не удалось проверить <span lang="en">/ Can't verify</span></h2>
            <p>Атрибут <code>server</code> на другом источнике, чем скрипт: запрос не делается.
              <span lang="en">A <code>server</code> on another origin than the script: refused, no request.</span></p>
            ${p.gold ? html`<pt-partner-badge partner="${p.gold.id}" server="https://status.invalid"></pt-partner-badge>` : ""}
          </section>
          <section><h2>«Работает на 1С-Битрикс» <span lang="en">/ Powered by</span></h2>
            <p>mode="render":</p><pt-powered-by></pt-powered-by>
            <p>mode="check" (результат — в консоли и событии <code>pt-footer-check</code> / the result goes to the console and the event):</p>
            <pt-powered-by mode="check"></pt-powered-by>
          </section>`,
        html`<script type="module" src="${BUNDLE_PATH}"${integrity ? html` integrity="${integrity}" crossorigin="anonymous"` : ""}></script>`,
      ),
    );
  });
}
