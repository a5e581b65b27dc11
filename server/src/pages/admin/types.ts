// An admin catalogue page: its data (one Promise.all through the program/ readers), its table and its forms —
// each validated by zod and written by the program/ catalogue function (logged there).
import type { z } from "zod";
import type { Principal } from "../../auth/principal.ts";
import type { FieldErrors, FormData } from "../form.ts";
import type { PageDeps } from "../index.ts";
import type { Content } from "../layout.ts";

export type AdminForm<T> = {
  /** POST /admin/{page}/{form}. */
  name: string;
  label: [string, string];
  schema: z.ZodType<Record<string, unknown>>;
  /** The fields of the form the frame draws under the view; absent when the view draws the form (one per row). */
  fields?(data: T, values: FormData, errors: FieldErrors | undefined): Content;
  run(deps: PageDeps, principal: Principal, data: Record<string, unknown>): Promise<unknown>;
};

/** A form sent back with its errors: the page is shown again with the admin's input kept. */
export type Posted = { form: string; values: FormData; errors: FieldErrors };

export type AdminPage<T> = {
  slug: string;
  ru: string;
  en: string;
  about: [string, string];
  load(deps: PageDeps): Promise<T>;
  /** `posted`: for a view that draws its own forms, the one sent back with its errors. */
  view(data: T, posted?: Posted): Content;
  forms: AdminForm<T>[];
};

export const adminPage = <T>(p: AdminPage<T>) => p as unknown as AdminPage<unknown>;
export const by = (deps: PageDeps, p: Principal) => ({ userId: p.userId, now: deps.clock.now() });
