// R1.4a, R1.4c: an uploaded logo is stored in the database (every instance on a shared libSQL server serves
// it) and becomes part of a new PENDING card version; the public sees only the approved version's logo.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardLogos, cardVersions } from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";
import { inspectLogo } from "./logo.ts";
import { type CardVersion, cardValues, cardVersionsOf, editBase, submitCard } from "./versions.ts";

export type CardLogo = typeof cardLogos.$inferSelect;

/** Checks the image, stores it and submits the card being edited with it, in one write batch. */
export async function uploadLogo(
  db: Db,
  partnerId: string,
  bytes: Uint8Array,
  declaredType: string | null,
  by: { userId: string; now: Date },
): Promise<CardVersion> {
  const logo = inspectLogo(bytes, declaredType);
  const base = editBase(await cardVersionsOf(db, partnerId));
  if (!base) throw notFound("No card for this partner.");
  const logoId = crypto.randomUUID();
  const { logoId: _previous, ...fields } = cardValues(base);
  return submitCard(db, partnerId, { ...fields, logoId }, by, [
    db.insert(cardLogos).values({
      id: logoId,
      partnerId,
      ...logo,
      bytes: Buffer.from(bytes),
      uploadedBy: by.userId,
      createdAt: by.now,
    }),
  ]);
}

export async function logoById(db: Db, logoId: string): Promise<CardLogo | undefined> {
  const [logo] = await db.select().from(cardLogos).where(eq(cardLogos.id, logoId));
  return logo;
}

/** The logo of the partner's last APPROVED card version (R1.4c), if it has one. */
export async function approvedLogo(db: Db, partnerId: string): Promise<CardLogo | undefined> {
  const [row] = await db
    .select({ logo: cardLogos })
    .from(cardVersions)
    .innerJoin(cardLogos, eq(cardLogos.id, cardVersions.logoId))
    .where(and(eq(cardVersions.partnerId, partnerId), eq(cardVersions.state, "approved")))
    .orderBy(desc(cardVersions.version))
    .limit(1);
  return row?.logo;
}

/** Where anyone fetches the approved logo. */
export const publicLogoUrl = (partnerId: string) =>
  `/api/v1/public/partners/${encodeURIComponent(partnerId)}/logo`;
