// Demo seed on an empty database: the catalogue (from the engine's defaultCatalogue), then FACTS
// (accounts, partners, employees, certificates, projects, accruals, QM, …); then every partner's status
// is brought to today through the engine's replay, with its history and status NFR keys.
import { count, eq } from "drizzle-orm";
import type { Auth } from "../auth/auth.ts";
import { type Clock, moscowDay } from "../clock.ts";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { loadCatalogue, seedCatalogue } from "../program/catalogue/store.ts";
import { replayStatus } from "../program/status/replay.ts";
import { type DemoAccount, demoAccounts } from "./accounts.ts";
import { seedActivity } from "./activity.ts";
import { seedCardDemo } from "./cards.ts";
import { qmQuestionData } from "./catalogue.ts";
import type { SeedContext } from "./context.ts";
import { seedEmployeeDemo } from "./employees.ts";
import { seedLifecycle } from "./lifecycle.ts";
import { seedMarketingDemo } from "./marketing.ts";
import { seedMobileAppDemo } from "./mobile-apps.ts";
import { seedModerationDemo } from "./moderation.ts";
import { seedPartners } from "./partners.ts";
import { seedProjectDemo } from "./projects.ts";
import { pricePurchaseHistory, seedPurchaseDemo } from "./purchases.ts";
import { seedQualityNfr } from "./quality-nfr.ts";
import { seedWidgetDemo } from "./widgets.ts";

export type SeedResult = { seeded: boolean; accounts: readonly DemoAccount[] };

/** "Empty" = no partners yet: a seed that failed half-way (after the accounts) runs again. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [partners] = await db.select({ n: count() }).from(s.partners);
  return partners!.n === 0;
}

/** Demo accounts through better-auth, so passwords are hashed the way sign-in expects; existing ones are kept. */
async function seedAccounts(db: Db, auth: Auth): Promise<Record<DemoAccount["key"], string>> {
  const ids = {} as Record<DemoAccount["key"], string>;
  for (const a of demoAccounts) {
    const [existing] = await db.select({ id: s.user.id }).from(s.user).where(eq(s.user.email, a.email));
    const id =
      existing?.id ??
      (await auth.api.signUpEmail({ body: { email: a.email, password: a.password, name: a.name } })).user.id;
    await db.update(s.user).set({ role: a.role }).where(eq(s.user.id, id));
    ids[a.key] = id;
  }
  return ids;
}

/** Seeds the demo data if (and only if) the database has no partners; all facts in one transaction. */
export async function seedDemo({
  db,
  auth,
  clock,
}: {
  db: Db;
  auth: Auth;
  clock: Clock;
}): Promise<SeedResult> {
  if (!(await isEmpty(db))) return { seeded: false, accounts: demoAccounts };
  const now = clock.now();
  const accountIds = await seedAccounts(db, auth);
  await db.transaction(async (tx) => {
    await seedCatalogue(tx);
    const editions = await tx.select().from(s.editions);
    const courses = await tx.select().from(s.courses);
    const competencies = await tx.select().from(s.competencies);
    const questions = await tx
      .insert(s.qmQuestions)
      .values(qmQuestionData.map((q, i) => ({ ...q, position: i + 1 })))
      .returning();
    const ctx: SeedContext = {
      db: tx,
      now,
      accountIds,
      edition: (code) => editions.find((e) => e.code === code)!,
      competency: (code) => competencies.find((c) => c.code === code)!,
      course: (code) => courses.find((c) => c.code === code)!,
      questionIds: questions.map((q) => q.id),
    };
    const partnerIds = await seedPartners(ctx);
    await seedActivity(ctx, partnerIds);
    const terminatedId = await seedWidgetDemo(ctx, partnerIds);
    await seedEmployeeDemo(ctx, partnerIds);
    await seedLifecycle(ctx);
    await seedCardDemo(ctx, partnerIds);
    await seedProjectDemo(ctx, partnerIds);
    await seedPurchaseDemo(ctx, partnerIds); // R5.2, R5.3: purchases and requests, counted by the replay
    // R2.5, R3.2: statuses from the facts, as the engine's replay has them today.
    await replayStatus(tx, [...Object.values(partnerIds), terminatedId], moscowDay(now), {
      catalogue: await loadCatalogue(tx),
      now,
    });
    await pricePurchaseHistory(ctx); // R2.4: the discount of the status held on each purchase day
    await seedQualityNfr(ctx, partnerIds); // R5.5, R6: after the replay (it names a status key)
    await seedMarketingDemo(ctx, partnerIds); // R7: a pending lead, a promotion, a phone day
    await seedModerationDemo(ctx, partnerIds); // issue 10: the console's queues that are otherwise empty
    await seedMobileAppDemo(ctx, partnerIds); // R5.2: a published app awaiting a moderator
  });
  return { seeded: true, accounts: demoAccounts };
}
