// The partner cards of the directory and the competency ratings: name, status, city, competencies, rank.
import { html } from "hono/html";
import type { PartnerStatus } from "../db/schema/index.ts";
import { statusTitle } from "../program/badges/credential.ts";
import type { DirectoryEntry } from "../program/directory/list.ts";
import { bi, type Content } from "./layout.ts";

export function statusBadge(status: PartnerStatus): Content {
  const t = statusTitle(status);
  return html`<span class="badge ${status}">${bi(t.ru, t.en)}</span>`;
}

/** `firstRank`: the position of the first entry in the full ranking (shown as "№ n"); none = no numbers. */
export function partnerList(entries: readonly DirectoryEntry[], firstRank?: number): Content {
  if (!entries.length) {
    return html`<p class="note" role="status">${bi("Партнёры не найдены.", "No partners found.")}</p>`;
  }
  return html`<ol class="cards"${firstRank ? html` start="${firstRank}"` : ""}>${entries.map(
    (e, i) => html`<li>
      ${firstRank ? html`<span class="muted">№ ${firstRank + i}</span>` : ""}
      <h2><a href="/partners/${e.id}">${e.name}</a></h2>
      <div>${statusBadge(e.status)}</div>
      <div>${e.city}</div>
      ${e.description ? html`<p class="muted">${e.description.slice(0, 160)}</p>` : ""}
      ${
        e.competencies.length
          ? html`<ul class="tags" aria-label="Компетенции / Competencies">${e.competencies.map(
              (k) =>
                html`<li><a class="badge" href="/competencies/${encodeURIComponent(k.id)}">${k.ru}</a></li>`,
            )}</ul>`
          : ""
      }
    </li>`,
  )}</ol>`;
}
