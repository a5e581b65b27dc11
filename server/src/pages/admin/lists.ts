// R7.1e, issue 10: the competing platforms a proposal may not offer (table competing_platforms): admins add a
// platform with its spellings, change spellings, retire or restore one — never delete. The writes are
// program/competitors/platforms.ts's (each logged in moderation_log in the same batch), as the API's.
import { html } from "hono/html";
import { z } from "zod";
import {
  addPlatform,
  allPlatforms,
  type Platform,
  PlatformNameSchema,
  SpellingsSchema,
  spellingsText,
  updatePlatform,
} from "../../program/competitors/platforms.ts";
import { field, select } from "../form.ts";
import { bi } from "../layout.ts";
import { adminPage, by } from "./types.ts";

const spellings = z.preprocess(spellingsText, SpellingsSchema);
const platformId = z.string().min(1, "Выберите платформу / Choose a platform");
const spellingsHint: [string, string] = [
  "Через запятую: латиницей, кириллицей, как пишут клиенты",
  "Comma-separated: Latin, Cyrillic, the way clients write it",
];
/** The platform select's options: every platform, or the active (retired) ones only. */
const choose = (list: Platform[], active?: boolean): [string, string, string][] => [
  ["", "—", ""],
  ...list
    .filter((p) => active === undefined || p.active === active)
    .map((p): [string, string, string] => [p.id, p.name, ""]),
];

export const platforms = adminPage<Platform[]>({
  slug: "platforms",
  ru: "Конкурирующие платформы",
  en: "Competing platforms",
  about: [
    "R7.1e: предложение, называющее действующую платформу, помечается для модераторов (и всё равно уходит клиенту)",
    "R7.1e: a proposal naming an active platform is flagged for moderators (and still goes to the client)",
  ],
  load: ({ db }) => allPlatforms(db),
  view: (
    list,
  ) => html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Платформа", "Platform")}</th>
      <th scope="col">${bi("Написания", "Spellings")}</th><th scope="col">${bi("Состояние", "State")}</th></tr></thead>
    <tbody>${list.map(
      (p) =>
        html`<tr><td>${p.name}</td><td>${p.spellings.join(", ")}</td><td>${
          p.active ? bi("Проверяется", "Checked") : bi("Выведена", "Retired")
        }</td></tr>`,
    )}</tbody></table></div>`,
  forms: [
    {
      name: "add",
      label: ["Добавить платформу", "Add a platform"],
      schema: z.object({ name: PlatformNameSchema, spellings }),
      fields: (_l, v, e) =>
        html`${field({ form: "add", name: "name", label: ["Название", "Name"], value: v.name, errors: e, required: true })}${field(
          {
            form: "add",
            name: "spellings",
            label: ["Написания", "Spellings"],
            value: v.spellings,
            errors: e,
            required: true,
            multiline: true,
            hint: spellingsHint,
          },
        )}`,
      run: (deps, p, d) =>
        addPlatform(deps.db, { name: d.name as string, spellings: d.spellings as string[] }, by(deps, p)),
    },
    {
      name: "spellings",
      label: ["Изменить написания", "Change the spellings"],
      schema: z.object({ platformId, spellings }),
      fields: (list, v, e) =>
        html`${select({
          form: "spellings",
          name: "platformId",
          label: ["Платформа", "Platform"],
          value: v.platformId ?? "",
          errors: e,
          options: choose(list),
        })}${field({
          form: "spellings",
          name: "spellings",
          label: ["Все написания", "Every spelling"],
          value: v.spellings,
          errors: e,
          required: true,
          multiline: true,
          hint: spellingsHint,
        })}`,
      run: (deps, p, d) =>
        updatePlatform(deps.db, d.platformId as string, { spellings: d.spellings as string[] }, by(deps, p)),
    },
    {
      name: "retire",
      label: ["Вывести из проверки", "Retire"],
      schema: z.object({ platformId }),
      fields: (list, v, e) =>
        select({
          form: "retire",
          name: "platformId",
          label: ["Платформа", "Platform"],
          value: v.platformId ?? "",
          errors: e,
          options: choose(list, true),
        }),
      run: (deps, p, d) => updatePlatform(deps.db, d.platformId as string, { active: false }, by(deps, p)),
    },
    {
      name: "restore",
      label: ["Вернуть в проверку", "Restore"],
      schema: z.object({ platformId }),
      fields: (list, v, e) =>
        select({
          form: "restore",
          name: "platformId",
          label: ["Платформа", "Platform"],
          value: v.platformId ?? "",
          errors: e,
          options: choose(list, false),
        }),
      run: (deps, p, d) => updatePlatform(deps.db, d.platformId as string, { active: true }, by(deps, p)),
    },
  ],
});
