import { moscowDay } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import type { Harness } from "../../test/harness.ts";
import { jsonInit, signedInAccount } from "../../test/http.ts";

export type Member = {
  level: s.EmployeeLevel;
  marketplace?: boolean;
  leads?: boolean;
  invitation?: s.InvitationState;
};
export type SignedIn = { id: string; email: string; name: string; cookie: string };

let n = 0;

/** A user who signed up (and is signed in): an account that may be invited. */
export async function account(h: Harness, label: string, role?: "admin" | "moderator"): Promise<SignedIn> {
  const email = `${label}-${++n}-${crypto.randomUUID().slice(0, 6)}@example.ru`;
  const name = `Пользователь ${label}`;
  const { userId, cookie } = await signedInAccount(h, email, { role, name });
  return { id: userId, email, name, cookie };
}

/** A Business partner approved today with the given members (keys are labels). */
export async function team<K extends string>(h: Harness, members: Record<K, Member>, name = "ООО Команда") {
  const partnerId = crypto.randomUUID();
  const now = new Date();
  const today = moscowDay(now);
  await h.db.insert(s.partners).values({
    id: partnerId,
    name,
    legalKind: "legal_entity",
    city: "Москва",
    approvedAt: now,
    status: "business",
    statusSince: today,
  });
  await h.db.insert(s.statusTerms).values({ partnerId, status: "business", startsOn: today });
  const users = {} as Record<K, SignedIn & { linkId: string }>;
  for (const [key, m] of Object.entries(members) as [K, Member][]) {
    const u = await account(h, key);
    const linkId = crypto.randomUUID();
    await h.db.insert(s.employeeLinks).values({
      id: linkId,
      partnerId,
      userId: u.id,
      level: m.level,
      marketplace: m.marketplace ?? false,
      leads: m.leads ?? false,
      invitation: m.invitation ?? "accepted",
      invitedAt: now,
      respondedAt: now,
    });
    users[key] = { ...u, linkId };
  }
  return { partnerId, users };
}

/** A JSON request with a session cookie. */
export const call = (cookie: string, method: string, payload?: unknown): RequestInit =>
  jsonInit(method, cookie, payload);
