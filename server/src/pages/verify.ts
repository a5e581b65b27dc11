// The partner's public page, which is also the verification page behind every badge (W1):
// /partners/{id}[?host=example.com] — server-rendered, Russian first with English, no scripts. Says whether
// the badge on `host` is genuine, then the live signed status and the approved card (R1.4c).
import { html } from "hono/html";
import type { Db } from "../db/client.ts";
import { statusTitle } from "../program/badges/credential.ts";
import type { BadgeService } from "../program/badges/service.ts";
import { publicLogoUrl } from "../program/cards/logos.ts";
import { type CardVersion, cardValues, cardVersionsOf, latestIn } from "../program/cards/versions.ts";
import { normaliseHost } from "../routes/public-card/card.ts";
import { createRouter } from "../routes/router.ts";
import { field } from "./form.ts";
import { bi, page, ruDate, ruDateTime } from "./layout.ts";

export function verifyPageRoutes({ badges, db }: { badges: BadgeService; db: Db }) {
  return createRouter().get("/partners/:partnerId", async (c) => {
    const partnerId = c.req.param("partnerId");
    const [signed, versions] = await Promise.all([badges.status(partnerId), cardVersionsOf(db, partnerId)]);
    const chrome = { principal: c.get("principal"), narrow: true };
    c.header("Cache-Control", "no-store");
    if (!signed) {
      return c.html(
        page(
          "Партнёр не найден / Partner not found",
          html`<h1>Партнёр не найден</h1><p lang="en">Partner not found.</p>
            <p class="bad" role="status">Такого партнёра 1С-Битрикс нет. Значок с этим идентификатором — не подлинный.
              <span lang="en">There is no such 1C-Bitrix partner: a badge with this ID is not genuine.</span></p>`,
          "",
          chrome,
        ),
        404,
      );
    }
    const p = signed.claim;
    const hostParam = c.req.query("host");
    const host = hostParam ? normaliseHost(hostParam) : null;
    const terminated = p.status === "none";
    let verdict = html``;
    if (terminated) {
      verdict = html`<p class="bad" role="status"><strong>Не является партнёром 1С-Битрикс.</strong>
        <span lang="en">Not a 1C-Bitrix partner (the partnership has ended).</span></p>`;
    } else if (host) {
      verdict = p.domains.includes(host)
        ? html`<p class="ok" role="status"><strong>Значок на ${host} подлинный.</strong>
            <span lang="en">This badge on ${host} is genuine.</span></p>`
        : html`<p class="bad" role="status"><strong>${host} не зарегистрирован за этим партнёром.</strong>
            <span lang="en">${host} is not registered to this partner: the badge there is not genuine.</span></p>`;
    }
    const title = statusTitle(p.status);
    // The time the status was last read from the database and signed (≤ 1 min ago, or at the last change).
    return c.html(
      page(
        `${p.name} — проверка статуса / status check`,
        html`<h1>${p.name}</h1>
          ${verdict}
          <dl>
            <dt>Статус <span lang="en">/ Status</span></dt>
            <dd>${title.ru} <span lang="en">/ ${title.en}</span></dd>
            ${
              terminated
                ? ""
                : html`<dt>Действует с <span lang="en">/ Since</span></dt><dd>${ruDate(p.since)}</dd>
                  <dt>Действует до <span lang="en">/ Valid until</span></dt>
                  <dd>${p.until ? ruDate(p.until) : html`бессрочно <span lang="en">/ no end date</span>`}</dd>
                  <dt>Компетенции <span lang="en">/ Competencies</span></dt>
                  <dd>${
                    p.competencies.length
                      ? html`<ul>${p.competencies.map((k) => html`<li><a href="/competencies/${encodeURIComponent(k.id)}">${k.ru}</a> <span lang="en">/ ${k.en}</span></li>`)}</ul>`
                      : html`нет <span lang="en">/ none</span>`
                  }</dd>
                  <dt>Программа качества <span lang="en">/ Quality program</span></dt>
                  <dd>${
                    p.qmParticipant
                      ? html`Участник программы качества 1С-Битрикс <span lang="en">/ 1C-Bitrix quality program participant</span>`
                      : html`не участвует <span lang="en">/ not a participant</span>`
                  }</dd>
                  <dt>Зарегистрированные домены <span lang="en">/ Registered domains</span></dt>
                  <dd>${p.domains.length ? html`<ul>${p.domains.map((d) => html`<li>${d}</li>`)}</ul>` : "—"}</dd>`
            }
            <dt>Проверено <span lang="en">/ Checked</span></dt>
            <dd><time datetime="${signed.issuedAt.toISOString()}">${ruDateTime(signed.issuedAt)} МСК <span lang="en">/ Moscow time</span></time></dd>
          </dl>
          <form method="get" action="/partners/${p.id}" aria-label="Проверить сайт / Check a site">
            ${field({
              name: "host",
              label: ["Проверить значок на сайте", "Check the badge on a site"],
              value: host,
              hint: ["Домен, например example.ru", "A domain, e.g. example.ru"],
            })}
            <p><button type="submit">${bi("Проверить", "Check")}</button></p>
          </form>
          ${terminated ? "" : cardSection(latestIn(versions, "approved"))}
          <p><small>Статус подписан сервером Partner Trust (ES256, <a href="/.well-known/jwks.json">JWKS</a>);
            <a href="/api/v1/public/partners/${encodeURIComponent(p.id)}/credential">Verifiable Credential (Open Badges 3.0)</a>.</small></p>`,
        "",
        chrome,
      ),
    );
  });
}

/** The approved card's public data (R1.4a–c), only when the partner publishes it. */
function cardSection(card: CardVersion | undefined) {
  if (!card?.publishOnSite) return "";
  const v = cardValues(card);
  const website = v.website && /^https?:\/\//.test(v.website) ? v.website : null;
  return html`<section aria-labelledby="card-h"><h2 id="card-h">${bi("О партнёре", "About the partner")}</h2>
    ${v.logoId ? html`<img src="${publicLogoUrl(card.partnerId)}" alt="Логотип ${v.name} / Logo" width="96" height="96" style="object-fit: contain">` : ""}
    ${v.description ? html`<p>${v.description}</p>` : ""}
    <dl>
      <dt>${bi("Город", "City")}</dt><dd>${v.city}</dd>
      ${v.addresses.length ? html`<dt>${bi("Офис", "Office")}</dt>${v.addresses.map((a) => html`<dd>${a}</dd>`)}` : ""}
      ${v.phones.length ? html`<dt>${bi("Телефон", "Phone")}</dt>${v.phones.map((p) => html`<dd><a href="tel:${p.replace(/[^+\d]/g, "")}">${p}</a></dd>`)}` : ""}
      ${v.emails.length ? html`<dt>E-mail</dt>${v.emails.map((e) => html`<dd><a href="mailto:${e}">${e}</a></dd>`)}` : ""}
      ${website ? html`<dt>${bi("Сайт", "Website")}</dt><dd><a href="${website}" rel="noopener">${website}</a></dd>` : ""}
    </dl></section>`;
}
