import * as s from "../../db/schema/index.ts";
import type { Harness } from "../../test/harness.ts";
import { sender, signedInAccount } from "../../test/http.ts";

type Db = Harness["db"];

export async function makePartner(
  db: Db,
  p: {
    name: string;
    status: s.PartnerStatus;
    city: string;
    cardCity?: string;
    leadsEmail?: string | null;
    email?: string | null;
    card?: boolean;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  const at = new Date("2026-01-15T07:00:00Z");
  await db.insert(s.partners).values({
    id,
    name: p.name,
    legalKind: "legal_entity",
    city: p.city,
    approvedAt: at,
    status: p.status,
    statusSince: "2026-01-15",
    statusUntil: p.status === "business" ? null : "2027-01-15",
  });
  if (p.card !== false)
    await db.insert(s.cardVersions).values({
      partnerId: id,
      version: 1,
      state: "approved",
      name: p.name,
      city: p.cardCity ?? p.city,
      emails: p.email === null ? [] : [p.email ?? `info-${id.slice(0, 6)}@example.ru`],
      leadsEmail: p.leadsEmail ?? null,
      phones: ["+74950000000"],
      submittedAt: at,
    });
  return id;
}

/** Signs up (if needed) and signs in; `role` sets the vendor-side role. */
export async function account(
  h: Harness,
  email: string,
  role: "admin" | "moderator" | "client" = "client",
): Promise<{ cookie: string; userId: string }> {
  return signedInAccount(h, email, { role });
}

export async function link(
  db: Db,
  userId: string,
  partnerId: string,
  level: s.EmployeeLevel = "limited",
  leads = false,
) {
  await db.insert(s.employeeLinks).values({
    partnerId,
    userId,
    level,
    leads,
    invitation: "accepted",
    invitedAt: new Date("2026-02-01T07:00:00Z"),
    respondedAt: new Date("2026-02-01T08:00:00Z"),
  });
}

/** A JSON request through the app. */
export const call = (h: Harness) => sender(() => h, "/api/v1");
