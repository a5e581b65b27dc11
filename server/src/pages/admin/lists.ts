// Catalogues kept in code today, shown so admins see what applies: the competing platforms a proposal may not
// offer (R7.1e; program/leads/competitors.ts).
import { html } from "hono/html";
import { competingPlatforms } from "../../program/leads/competitors.ts";
import { bi } from "../layout.ts";
import { adminPage } from "./types.ts";

export const platforms = adminPage<typeof competingPlatforms>({
  slug: "platforms",
  ru: "Конкурирующие платформы",
  en: "Competing platforms",
  about: [
    "R7.1e: предложения с этими платформами помечаются; список задан в коде (program/leads/competitors.ts)",
    "R7.1e: proposals naming these platforms are flagged; the list is kept in code (program/leads/competitors.ts)",
  ],
  load: async () => competingPlatforms,
  view: (
    list,
  ) => html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Платформа", "Platform")}</th>
      <th scope="col">${bi("Написания", "Spellings")}</th></tr></thead>
    <tbody>${list.map((p) => html`<tr><td>${p.name}</td><td>${p.spellings.join(", ")}</td></tr>`)}</tbody></table></div>`,
  forms: [],
});
