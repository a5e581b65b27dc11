// R6.1b: a Certified or Gold partner asks to change the edition of one of its status NFR keys to any lower
// edition; a moderator approves (decide.ts).

import { and, eq } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import { isUniqueViolation } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import { editions, nfrLicenses, nfrRequests, partners } from "../../db/schema/index.ts";
import { conflict, noSuchPartner, notFound, validationError } from "../../errors/index.ts";
import { alreadyPending, refuseIfPending } from "./pending.ts";

export async function requestDowngrade(
  db: Db,
  input: { partnerId: string; licenseId: string; editionCode: string; userId: string },
  { clock }: { clock: Clock },
) {
  const [partner] = await db
    .select({ status: partners.status })
    .from(partners)
    .where(eq(partners.id, input.partnerId));
  if (!partner) throw noSuchPartner();
  if (partner.status !== "certified" && partner.status !== "gold") {
    throw conflict(
      "Сменить редакцию NFR-ключа может сертифицированный или золотой партнёр (R6.1b) / Only Certified and Gold partners may change a key's edition (R6.1b).",
    );
  }
  const [key] = await db
    .select()
    .from(nfrLicenses)
    .where(
      and(
        eq(nfrLicenses.id, input.licenseId),
        eq(nfrLicenses.partnerId, input.partnerId),
        eq(nfrLicenses.kind, "status"),
        eq(nfrLicenses.state, "active"),
      ),
    );
  if (!key) throw notFound("Нет такого действующего статусного NFR-ключа / No such active status NFR key.");
  const rows = await db.select().from(editions).where(eq(editions.product, "site_management"));
  const from = rows.find((e) => e.code === key.editionCode);
  const to = rows.find((e) => e.code === input.editionCode);
  // R6.1b: "any lower edition" — lower in the catalogue's order.
  if (!to || !from || to.rank >= from.rank) {
    throw validationError([
      {
        path: "editionCode",
        message: `Выберите редакцию ниже «${from?.title ?? key.editionCode}» / Choose an edition below "${from?.title ?? key.editionCode}"`,
      },
    ]);
  }
  await refuseIfPending(db, input.partnerId, "downgrade");
  const now = clock.now();
  try {
    const [row] = await db
      .insert(nfrRequests)
      .values({
        partnerId: input.partnerId,
        kind: "downgrade",
        editionCode: to.code,
        licenseId: key.id,
        fromEditionCode: key.editionCode,
        requestedBy: input.userId,
        requestedAt: now,
        createdAt: now,
      })
      .returning();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyPending();
    throw err;
  }
}
