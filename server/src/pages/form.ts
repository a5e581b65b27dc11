// Forms without JavaScript: POST from a same-origin page, validate with zod, show each error next to its field
// (Russian, then English), redirect after success (303, POST/redirect/GET).
import type { Context } from "hono";
import { html } from "hono/html";
import type { z } from "zod";
import { AppError, forbidden, problemOf } from "../errors/index.ts";
import { bi, type Content } from "./layout.ts";

export type FormData = Record<string, string>;
export type FieldErrors = Record<string, string[]>;

/**
 * The posted fields (the last value of each name; `all` = every value of repeated names). Refuses a post that
 * comes from another site (CSRF): the browser's `Origin` (or `Sec-Fetch-Site`) must say same origin.
 */
export async function readForm(c: Context, allowedOrigins: readonly string[] = []): Promise<FormData> {
  const origin = c.req.header("origin");
  const ownOrigin = new URL(c.req.url).origin;
  const sameOrigin = origin
    ? origin === ownOrigin || allowedOrigins.includes(origin)
    : c.req.header("sec-fetch-site") === "same-origin";
  if (!sameOrigin) throw forbidden("A form may only be sent from this site's own pages.");
  const body = await c.req.parseBody();
  const out: FormData = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v;
  return out;
}

const messages: Record<string, [string, string]> = {
  too_small: ["Заполните поле", "Required"],
  too_big: ["Слишком длинное значение", "Too long"],
  invalid_format: ["Неверный формат", "Invalid format"],
  invalid_value: ["Выберите значение из списка", "Choose a value from the list"],
  invalid_type: ["Заполните поле", "Required"],
};

/** zod issues → errors per top-level field, in both languages (a custom message is kept as written). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    const known = messages[issue.code];
    const custom = issue.message && !/^(Invalid|Too|Expected|String must)/.test(issue.message);
    const text = custom || !known ? issue.message : `${known[0]} / ${known[1]}`;
    out[key] = [...(out[key] ?? []), text];
  }
  return out;
}

type FieldOptions = {
  name: string;
  label: [string, string];
  value?: string | null | undefined;
  errors?: FieldErrors | undefined;
  type?: "text" | "email" | "password" | "url" | "search" | "tel" | "number" | "date";
  hint?: [string, string];
  required?: boolean;
  autocomplete?: string;
  /** A textarea instead of an input; a number: that many rows (long texts such as e-mail templates). */
  multiline?: boolean | number;
  /** Several forms on one page with the same field names: a prefix that keeps the ids unique. */
  form?: string;
};

const ids = (o: { name: string; form?: string | undefined }) => {
  const base = o.form ? `f-${o.form}-${o.name}` : `f-${o.name}`;
  return { id: base, hint: `${base}-hint`, err: `${base}-err` };
};

function described(o: FieldOptions, errs: string[] | undefined) {
  const { hint, err } = ids(o);
  const list = [o.hint ? hint : "", errs?.length ? err : ""].filter(Boolean).join(" ");
  return list ? html` aria-describedby="${list}"` : "";
}

function after(o: FieldOptions, errs: string[] | undefined): Content {
  const { hint, err } = ids(o);
  return html`${o.hint ? html`<span class="hint" id="${hint}">${bi(o.hint[0], o.hint[1])}</span>` : ""}${
    errs?.length ? html`<span class="error" id="${err}">${errs.join("; ")}</span>` : ""
  }`;
}

/** A labelled input (or textarea) with its hint and its errors. */
export function field(o: FieldOptions): Content {
  const { id } = ids(o);
  const errs = o.errors?.[o.name];
  const common = html`id="${id}" name="${o.name}"${o.required ? " required" : ""}${
    errs?.length ? html` aria-invalid="true"` : ""
  }${described(o, errs)}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}`;
  const control = o.multiline
    ? html`<textarea ${common}${typeof o.multiline === "number" ? html` rows="${o.multiline}"` : ""}>${o.value ?? ""}</textarea>`
    : html`<input type="${o.type ?? "text"}" ${common} value="${o.value ?? ""}">`;
  return html`<div class="field"><label for="${id}">${bi(o.label[0], o.label[1])}</label>${control}${after(o, errs)}</div>`;
}

/** A labelled checkbox (value "on"). */
export function checkbox(o: Omit<FieldOptions, "value"> & { checked: boolean }): Content {
  const { id } = ids(o);
  const errs = o.errors?.[o.name];
  return html`<div class="field"><div class="check"><input type="checkbox" id="${id}" name="${o.name}"${
    o.checked ? " checked" : ""
  }${described(o, errs)}><label for="${id}">${bi(o.label[0], o.label[1])}</label></div>${after(o, errs)}</div>`;
}

/** A labelled select; options are [value, ru, en]. */
export function select(
  o: Omit<FieldOptions, "type" | "multiline"> & { options: readonly (readonly [string, string, string])[] },
): Content {
  const { id } = ids(o);
  const errs = o.errors?.[o.name];
  return html`<div class="field"><label for="${id}">${bi(o.label[0], o.label[1])}</label>
    <select id="${id}" name="${o.name}"${errs?.length ? html` aria-invalid="true"` : ""}${described(o, errs)}>
      ${o.options.map(
        ([v, ru, en]) =>
          html`<option value="${v}"${v === (o.value ?? "") ? " selected" : ""}>${ru}${en ? ` / ${en}` : ""}</option>`,
      )}
    </select>${after(o, errs)}</div>`;
}

/** Errors that belong to no field (e.g. "wrong password"), at the top of the form. */
export function formAlert(errors: FieldErrors | undefined): Content | "" {
  const general = errors?._;
  return general?.length ? html`<p class="bad" role="alert">${general.join("; ")}</p>` : "";
}

/**
 * A refusal from a program/ module as form errors: field errors next to their fields (the path's first part),
 * any other AppError (409, a failed site check…) at the top. Anything else is not the user's to fix: rethrown.
 */
export function refusal(err: unknown): { errors: FieldErrors; status: 409 | 422 | 403 | 404 } {
  if (!(err instanceof AppError)) throw err;
  const status = problemOf(err).status;
  if (status !== 409 && status !== 422 && status !== 403 && status !== 404) throw err;
  const errors: FieldErrors = {};
  for (const e of err.errors ?? []) {
    const key = e.path.split(".")[0] || "_";
    errors[key] = [...(errors[key] ?? []), e.message];
  }
  if (!err.errors?.length) errors._ = [err.message];
  return { errors, status };
}

/**
 * The flow every form page shares: validate `values` with `schema`, run `write` (it answers where to go next:
 * 303, POST/redirect/GET), or show the form again with its errors — 422 for bad input, the refusal's status
 * (refusal()) when the program says no.
 */
export async function submitForm<T>(
  c: Context,
  values: FormData,
  schema: z.ZodType<T>,
  write: (data: T) => Promise<string>,
  show: (errors: FieldErrors, status: 403 | 404 | 409 | 422) => Response | Promise<Response>,
): Promise<Response> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return show(fieldErrors(parsed.error), 422);
  let next: string;
  try {
    next = await write(parsed.data);
  } catch (err) {
    const { errors, status } = refusal(err);
    return show(errors, status);
  }
  return c.redirect(next, 303);
}
