// Test support for purchases, additional points and documents: the catalogue with the purchase price list,
// a partner with signed-in users at each rights level (R4E), a moderator.
import { eq } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { type Harness, signIn, signUp } from "../../test/harness.ts";
import { seedCatalogue } from "../catalogue/store.ts";
import { seedPurchasePrices } from "./prices.ts";

export async function withPriceList(h: Harness, clock: Clock): Promise<void> {
  await seedCatalogue(h.db);
  await seedPurchasePrices(h.db, clock.now());
}

export type TestPartner = {
  id: string;
  /** Session cookies of the main, full, limited and certified users. */
  main: string;
  full: string;
  limited: string;
  certified: string;
  mainEmail: string;
};

let n = 0;

/** A Business partner approved on `approvedOn`, with one accepted user at each level. */
export async function partnerWithUsers(
  h: Harness,
  { approvedOn, name = "ООО Тест" }: { approvedOn: string; name?: string },
): Promise<TestPartner> {
  const id = crypto.randomUUID();
  const when = new Date(`${approvedOn}T07:00:00Z`);
  await h.db.insert(s.partners).values({
    id,
    name,
    legalKind: "legal_entity",
    city: "Москва",
    approvedAt: when,
    status: "business",
    statusSince: approvedOn,
  });
  await h.db.insert(s.statusTerms).values({ partnerId: id, status: "business", startsOn: approvedOn });
  const cookies: Record<string, string> = {};
  let mainEmail = "";
  for (const level of s.employeeLevels) {
    const email = `${level}-${++n}-${id.slice(0, 6)}@example.ru`;
    await signUp(h.app, email, "test-password-1", `${level} user`);
    const [u] = await h.db.select({ id: s.user.id }).from(s.user).where(eq(s.user.email, email));
    await h.db.insert(s.employeeLinks).values({
      partnerId: id,
      userId: u!.id,
      level,
      invitation: "accepted",
      invitedAt: when,
      respondedAt: when,
    });
    cookies[level] = await signIn(h.app, email, "test-password-1");
    if (level === "main") mainEmail = email;
  }
  return {
    id,
    main: cookies.main!,
    full: cookies.full!,
    limited: cookies.limited!,
    certified: cookies.certified!,
    mainEmail,
  };
}

/** A signed-in user with the given staff role. */
export async function staffUser(
  h: Harness,
  role: "moderator" | "admin",
): Promise<{ cookie: string; id: string }> {
  const email = `${role}-${++n}@example.ru`;
  await signUp(h.app, email, "staff-password-1", `${role} user`);
  await h.db.update(s.user).set({ role }).where(eq(s.user.email, email));
  const [u] = await h.db.select({ id: s.user.id }).from(s.user).where(eq(s.user.email, email));
  return { cookie: await signIn(h.app, email, "staff-password-1"), id: u!.id };
}
