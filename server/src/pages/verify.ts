// The verification page behind every badge (W1): /partners/{id}[?host=example.com] — server-rendered,
// Russian first with English, no scripts. Says whether the badge on `host` is genuine.
import { html } from "hono/html";
import { statusTitle } from "../program/badges/credential.ts";
import type { BadgeService } from "../program/badges/service.ts";
import { normaliseHost } from "../routes/public-card/card.ts";
import { createRouter } from "../routes/router.ts";
import { page } from "./layout.ts";

const ruDate = (d: string | null) => (d ? d.split("-").reverse().join(".") : "—");

export function verifyPageRoutes({ badges }: { badges: BadgeService }) {
  return createRouter().get("/partners/:partnerId", async (c) => {
    const signed = await badges.status(c.req.param("partnerId"));
    c.header("Cache-Control", "no-store");
    if (!signed) {
      return c.html(
        page(
          "Партнёр не найден / Partner not found",
          html`<h1>Партнёр не найден</h1><p lang="en">Partner not found.</p>
            <p class="bad" role="status">Такого партнёра 1С-Битрикс нет. Значок с этим идентификатором — не подлинный.
              <span lang="en">There is no such 1C-Bitrix partner: a badge with this ID is not genuine.</span></p>`,
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
    const checked = signed.issuedAt.toISOString().replace("T", " ").slice(0, 16);
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
                      ? html`<ul>${p.competencies.map((k) => html`<li>${k.ru} <span lang="en">/ ${k.en}</span></li>`)}</ul>`
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
            <dd><time datetime="${signed.issuedAt.toISOString()}">${checked} UTC</time></dd>
          </dl>
          <p><small>Статус подписан сервером Partner Trust (ES256, <a href="/.well-known/jwks.json">JWKS</a>);
            <a href="/api/v1/public/partners/${encodeURIComponent(p.id)}/credential">Verifiable Credential (Open Badges 3.0)</a>.</small></p>`,
      ),
    );
  });
}
