// R5.2: a partner's published mobile apps — added by its sections users (R4E.4) as "pending" claims a moderator
// checks against the store page (the evidence). The store page is the app's identity: listed once, for any
// partner and in any state — a rejected app stays rejected and its page stays taken (as projects' hosts, R5.4h).
import { pointsForPrice } from "@partner-trust/rules";
import { asc, desc, eq } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import { isUniqueViolation } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { AppError, conflict, notFound, validationError } from "../../errors/index.ts";
import { partnerOf } from "../employees/links.ts";
import { normaliseStoreUrl } from "./store-url.ts";

export type AppRow = typeof s.mobileApps.$inferSelect;
type Edition = typeof s.editions.$inferSelect;

export type NewApp = { title: string; storeUrl: string; editionId: string; clientName: string };

/** R5.2: the editions an app may be built on (the catalogue's, in rank order) — the cabinet's select. */
export const appEditions = (db: Db) => db.select().from(s.editions).orderBy(asc(s.editions.rank));

/** The app as the API and the pages show it; `expectedPoints`: what crediting gives (R5.2, the edition's price). */
export function appView(a: AppRow, edition: Edition) {
  return {
    id: a.id,
    partnerId: a.partnerId,
    title: a.title,
    storeUrl: a.storeUrl,
    /** The edition's id in the catalogue (its `code`). */
    editionId: edition.code,
    editionTitle: edition.title,
    clientName: a.clientName,
    state: a.state,
    points: a.points,
    expectedPoints: pointsForPrice(edition.priceRub),
    moderatorNote: a.moderatorNote,
    submittedAt: a.submittedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
  };
}
export type AppView = ReturnType<typeof appView>;

/** R1.5c: a terminated partner earns no more points, so it claims none. */
export async function livePartner(db: Db, partnerId: string) {
  const partner = await partnerOf(db, partnerId);
  if (partner.status === "none") throw conflict("Партнёрство прекращено. / The partnership has ended.");
  return partner;
}

const taken = (url: string) =>
  new AppError(
    "conflict",
    `Приложение ${url} уже добавлено, повторно его не добавить / The app ${url} has already been added.`,
    [{ path: "storeUrl", message: "Это приложение уже добавлено / This app has already been added" }],
  );

export async function addApp(
  db: Db,
  input: NewApp & { partnerId: string; userId: string },
  { clock }: { clock: Clock },
): Promise<AppView> {
  const storeUrl = normaliseStoreUrl(input.storeUrl);
  const [edition] = await db.select().from(s.editions).where(eq(s.editions.code, input.editionId));
  if (!edition)
    throw validationError([{ path: "editionId", message: "Нет такой редакции / No such edition" }]);
  await livePartner(db, input.partnerId);
  const [existing] = await db
    .select({ id: s.mobileApps.id })
    .from(s.mobileApps)
    .where(eq(s.mobileApps.storeUrl, storeUrl));
  if (existing) throw taken(storeUrl);
  const now = clock.now();
  try {
    const [row] = await db
      .insert(s.mobileApps)
      .values({
        partnerId: input.partnerId,
        title: input.title,
        storeUrl,
        editionId: edition.id,
        clientName: input.clientName,
        state: "pending",
        submittedAt: now,
        submittedBy: input.userId,
        createdAt: now,
      })
      .returning();
    return appView(row!, edition);
  } catch (err) {
    // Two claims of one page at once: the unique store URL decides.
    if (isUniqueViolation(err)) throw taken(storeUrl);
    throw err;
  }
}

/** The apps of a partner (or in a state), newest first, with their editions. */
export async function appsWhere(db: Db, where: { partnerId: string } | { state: AppRow["state"] }) {
  const rows = await db
    .select({ app: s.mobileApps, edition: s.editions, partnerName: s.partners.name })
    .from(s.mobileApps)
    .innerJoin(s.editions, eq(s.editions.id, s.mobileApps.editionId))
    .innerJoin(s.partners, eq(s.partners.id, s.mobileApps.partnerId))
    .where(
      "partnerId" in where
        ? eq(s.mobileApps.partnerId, where.partnerId)
        : eq(s.mobileApps.state, where.state),
    )
    .orderBy("partnerId" in where ? desc(s.mobileApps.submittedAt) : asc(s.mobileApps.submittedAt));
  return rows.map((r) => ({ ...appView(r.app, r.edition), partnerName: r.partnerName }));
}

export async function appOf(db: Db, appId: string) {
  const [row] = await db
    .select({ app: s.mobileApps, edition: s.editions, partnerName: s.partners.name })
    .from(s.mobileApps)
    .innerJoin(s.editions, eq(s.editions.id, s.mobileApps.editionId))
    .innerJoin(s.partners, eq(s.partners.id, s.mobileApps.partnerId))
    .where(eq(s.mobileApps.id, appId));
  if (!row) throw notFound("Приложение не найдено / No such app.");
  return row;
}
