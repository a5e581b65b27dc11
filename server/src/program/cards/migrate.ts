// R1.4a: moves the card versions' old single phone / e-mail / address into the lists, once, at start-up
// (a data step drizzle-kit's generated SQL cannot express: phones are normalised to E.164 in JS).
// Idempotent: a moved row has its single values cleared; several instances may run it at once.
import { eq, isNotNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardVersions } from "../../db/schema/index.ts";
import { normaliseRuPhone } from "./fields.ts";
import { contactLists } from "./versions.ts";

/** Returns how many versions were moved. */
export async function moveSingleValuesIntoLists(db: Db): Promise<number> {
  const rows = await db
    .select()
    .from(cardVersions)
    .where(or(isNotNull(cardVersions.phone), isNotNull(cardVersions.email), isNotNull(cardVersions.address)));
  if (rows.length === 0) return 0;
  const updates = rows.map((row) => {
    const lists = contactLists(row);
    // A phone that is not a valid Russian number is kept as written: nothing is dropped.
    const phones = lists.phones.map((p) => normaliseRuPhone(p) ?? p);
    return db
      .update(cardVersions)
      .set({ ...lists, phones, phone: null, email: null, address: null })
      .where(eq(cardVersions.id, row.id));
  });
  await db.batch(updates as [(typeof updates)[number], ...typeof updates]);
  return rows.length;
}
