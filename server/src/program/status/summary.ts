// The partners per status, for the start command's banner (e.g. "3 gold, 3 certified, 3 business").
import { count } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { partners } from "../../db/schema/index.ts";

const order = ["gold", "certified", "business", "none"] as const;
const label = (status: (typeof order)[number]) => (status === "none" ? "terminated" : status);

export async function partnersByStatus(db: Db): Promise<string> {
  const rows = await db
    .select({ status: partners.status, n: count() })
    .from(partners)
    .groupBy(partners.status);
  if (rows.length === 0) return "none yet";
  return order
    .flatMap((status) => rows.filter((r) => r.status === status).map((r) => `${r.n} ${label(status)}`))
    .join(", ");
}
