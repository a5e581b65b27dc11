// R5.2 publication claims (Marketplace modules, mobile apps): one decision form — credit, or refuse with a note.
import { html } from "hono/html";
import { z } from "zod";
import type { Principal } from "../../auth/principal.ts";
import { field, select } from "../form.ts";
import type { PageDeps } from "../index.ts";
import type { Decision } from "./types.ts";

const note = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().max(2000).optional(),
);

const schema = z
  .object({ credit: z.enum(["yes", "no"], { error: "Выберите решение / Choose a decision" }), note })
  .refine((d) => d.credit === "yes" || d.note, {
    path: ["note"],
    message: "Укажите причину отказа / A refusal needs a note",
  });

export type CreditChoice = { credit: boolean; note: string | undefined };

/** The "decide" form of a claim queue; `run` gets the moderator's choice. */
export const creditDecision = <T>(
  label: [string, string],
  run: (deps: PageDeps, principal: Principal, item: T, choice: CreditChoice) => Promise<unknown>,
): Decision<T> => ({
  action: "decide",
  label,
  schema,
  fields: (_item, v, e) =>
    html`${select({
      name: "credit",
      label: ["Решение", "Decision"],
      value: v.credit ?? "",
      errors: e,
      options: [
        ["", "—", ""],
        ["yes", "Засчитать", "Credit"],
        ["no", "Отклонить", "Reject"],
      ],
    })}${field({ name: "note", label: ["Заметка (обязательна при отказе)", "Note (required to reject)"], value: v.note, errors: e, multiline: true })}`,
  run: (deps, principal, item, d) =>
    run(deps, principal, item, { credit: d.credit === "yes", note: d.note as string | undefined }),
});
