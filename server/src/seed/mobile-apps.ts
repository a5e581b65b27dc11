// R5.2 demo data: one published mobile app of Альфа awaiting a moderator, so the console's "Mobile apps" queue
// and the cabinet's section are not empty after `pnpm start`.
import * as s from "../db/schema/index.ts";
import { agoFrom, type SeedContext } from "./context.ts";

export async function seedMobileAppDemo(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds, edition } = ctx;
  const { alfa } = partnerIds;
  if (!alfa) return;
  const submittedAt = agoFrom(now)(3);
  await db.insert(s.mobileApps).values({
    partnerId: alfa,
    title: "Садовод — каталог и заказы",
    storeUrl: "https://apps.rustore.ru/app/ru.sadovod.shop",
    editionId: edition("small-business").id,
    clientName: "ООО «Садовод»",
    state: "pending",
    submittedAt,
    submittedBy: accountIds.partner,
    createdAt: submittedAt,
  });
}
