// Test support for purchases, additional points and documents: the catalogue with the purchase price list,
// a partner with signed-in users at each rights level (R4E), a moderator.
import { eq } from "drizzle-orm";
import { type Clock, moscowMidnight } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import type { Harness } from "../../test/harness.ts";
import { partnerUser, signedInAccount } from "../../test/http.ts";
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
    cookies[level] = (await partnerUser(h, id, email, { level, at: when, name: `${level} user` })).cookie;
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
  const { userId, cookie } = await signedInAccount(h, email, { role, name: `${role} user` });
  return { cookie, id: userId };
}

/** R1.5c: the partner's termination took effect on `on` (status none since then), written directly. */
export async function markTerminated(h: Harness, partnerId: string, on: string): Promise<void> {
  await h.db
    .update(s.partners)
    .set({ status: "none", statusSince: on, statusUntil: null, terminatedAt: moscowMidnight(on) })
    .where(eq(s.partners.id, partnerId));
}
