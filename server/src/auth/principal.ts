// Who is calling: the signed-in user with effective roles and accepted partner links (R4E).
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type EmployeeLevel, employeeLinks, type InvitationState, partners } from "../db/schema/index.ts";

export const roleNames = ["admin", "moderator", "client", "partner"] as const;
export type RoleName = (typeof roleNames)[number];

export type PartnerLink = {
  partnerId: string;
  partnerName: string;
  level: EmployeeLevel;
  marketplace: boolean;
  leads: boolean;
  invitation: InvitationState;
};

export type Principal = {
  userId: string;
  email: string;
  name: string;
  roles: RoleName[];
  /** All links except detached ones; only accepted links grant access. */
  partnerLinks: PartnerLink[];
};

type UserLike = { id: string; email: string; name: string; role?: string | null | undefined };

export async function loadPrincipal(db: Db, user: UserLike): Promise<Principal> {
  const rows = await db
    .select({
      partnerId: employeeLinks.partnerId,
      partnerName: partners.name,
      level: employeeLinks.level,
      marketplace: employeeLinks.marketplace,
      leads: employeeLinks.leads,
      invitation: employeeLinks.invitation,
    })
    .from(employeeLinks)
    .innerJoin(partners, eq(partners.id, employeeLinks.partnerId))
    .where(and(eq(employeeLinks.userId, user.id)));
  const partnerLinks = rows.filter((r) => r.invitation !== "detached");
  const base = (roleNames as readonly string[]).includes(user.role ?? "")
    ? (user.role as RoleName)
    : "client";
  const roles: RoleName[] = [base];
  if (partnerLinks.some((l) => l.invitation === "accepted") && base !== "partner") roles.push("partner");
  return { userId: user.id, email: user.email, name: user.name, roles, partnerLinks };
}
