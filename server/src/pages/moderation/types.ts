// What a moderation queue is to the console: how its items load (through the program/ module the API uses),
// how a row and an item read, and the decisions — each a form validated by zod and run by the same program/
// function the API route calls (never over HTTP).
import type { z } from "zod";
import type { Principal } from "../../auth/principal.ts";
import type { FieldErrors, FormData } from "../form.ts";
import type { PageDeps } from "../index.ts";
import type { Content } from "../layout.ts";

export type Decision<T> = {
  /** The URL segment: POST /moderation/{queue}/{id}/{action}. */
  action: string;
  label: [string, string];
  /** Validates the posted fields; its errors are shown next to the fields of this form. */
  schema: z.ZodType<Record<string, unknown>>;
  fields(item: T, values: FormData, errors: FieldErrors | undefined): Content;
  run(deps: PageDeps, principal: Principal, item: T, data: Record<string, unknown>): Promise<unknown>;
  secondary?: boolean;
};

export type Queue<T> = {
  slug: string;
  ru: string;
  en: string;
  /** The rule the queue serves (and its due term), shown under the title. */
  about: [string, string];
  load(deps: PageDeps): Promise<T[]>;
  id(item: T): string;
  /** Whether the queue has a due term (the program's rule); without one the console shows no term column. */
  due: boolean;
  overdue(item: T): boolean;
  /** The table's head and one row per item (the first cell links to the item when it has decisions). */
  head: [string, string][];
  row(item: T): Content[];
  /** The item page's details; queues without decisions have no item page. */
  details?(item: T): Content;
  decisions?: Decision<T>[];
};

/** Erases the item type for the registry (each queue is typed where it is defined). */
export const queue = <T>(q: Queue<T>) => q as unknown as Queue<unknown>;
