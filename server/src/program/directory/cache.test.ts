import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { partnerChanged } from "../status/events.ts";
import { MAX_AGE_MS, publishedPartners, warmDirectory } from "./cache.ts";

describe("R2.7: the directory cache", () => {
  let h: Harness;
  let now = new Date("2026-11-24T09:00:00Z");
  const clock = { now: () => now };
  const names = async () => (await publishedPartners(h.db, { clock })).map((e) => e.name);
  const rename = (from: string, to: string) =>
    h.db.update(s.cardVersions).set({ name: to }).where(eq(s.cardVersions.name, from));

  beforeAll(async () => {
    h = await createHarness({ clock });
    await seedDemo(h);
  });
  afterAll(() => h.close());

  const idOf = async (name: string) =>
    (await h.db.select().from(s.cardVersions).where(eq(s.cardVersions.name, name)))[0]!.partnerId;

  it("concurrent readers get one and the same list", async () => {
    partnerChanged(h.db, "all");
    const [a, b] = await Promise.all([names(), names()]);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
  });

  it("a change is seen once announced (partnerChanged), and only the announced partner is ranked again", async () => {
    expect(await names()).toContain("Веб-студия Альфа");
    const alfa = await idOf("Веб-студия Альфа");
    await rename("Веб-студия Альфа", "Альфа Диджитал");
    await rename("Север Софт", "Север Софт Плюс");
    expect(await names()).toContain("Веб-студия Альфа");
    partnerChanged(h.db, [alfa]);
    const after = await names();
    expect(after).toContain("Альфа Диджитал");
    expect(after).toContain("Север Софт"); // not announced: kept as ranked
    partnerChanged(h.db, [await idOf("Север Софт Плюс")]);
    expect(await names()).toContain("Север Софт Плюс");
  });

  it("R1.4a: an announced partner that no longer publishes leaves the list", async () => {
    const alfa = await idOf("Альфа Диджитал");
    await h.db.update(s.cardVersions).set({ publishOnSite: false }).where(eq(s.cardVersions.partnerId, alfa));
    partnerChanged(h.db, [alfa]);
    expect(await names()).not.toContain("Альфа Диджитал");
    await h.db.update(s.cardVersions).set({ publishOnSite: true }).where(eq(s.cardVersions.partnerId, alfa));
    partnerChanged(h.db, [alfa]);
    expect(await names()).toContain("Альфа Диджитал");
  });

  it("an unannounced write (another instance) shows after MAX_AGE_MS at the latest", async () => {
    await rename("Альфа Диджитал", "Альфа Про");
    now = new Date(now.getTime() + MAX_AGE_MS - 1);
    expect(await names()).toContain("Альфа Диджитал");
    now = new Date(now.getTime() + 1);
    expect(await names()).toContain("Альфа Про");
  });

  it("warmDirectory ranks ahead: the next read is served from it without ranking again", async () => {
    now = new Date(now.getTime() + MAX_AGE_MS); // stale: the next read would rank everyone
    await warmDirectory(h.db, clock);
    await rename("Альфа Про", "Альфа Тёплая"); // unannounced: only a new ranking would show it
    expect(await names()).toContain("Альфа Про");
    await rename("Альфа Тёплая", "Альфа Про");
  });

  it("R5.6, R1.5: a new Moscow day recomputes (points expire, scheduled terminations start)", async () => {
    await rename("Альфа Про", "Альфа Плюс");
    now = new Date("2026-11-24T20:59:00Z"); // 23:59 in Moscow
    partnerChanged(h.db, "all");
    await names();
    await rename("Альфа Плюс", "Альфа Ультра");
    now = new Date("2026-11-24T21:00:00Z"); // 00:00 in Moscow, one minute later
    expect(await names()).toContain("Альфа Ультра");
  });
});
