import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { partnerChanged } from "../status/events.ts";
import { MAX_AGE_MS, publishedPartners } from "./cache.ts";

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

  it("concurrent readers share one computation", () => {
    partnerChanged(h.db, "all");
    expect(publishedPartners(h.db, { clock })).toBe(publishedPartners(h.db, { clock }));
  });

  it("a change is seen once announced (partnerChanged), not before", async () => {
    expect(await names()).toContain("Веб-студия Альфа");
    await rename("Веб-студия Альфа", "Альфа Диджитал");
    expect(await names()).toContain("Веб-студия Альфа");
    partnerChanged(h.db, ["any"]);
    expect(await names()).toContain("Альфа Диджитал");
  });

  it("an unannounced write (another instance) shows after MAX_AGE_MS at the latest", async () => {
    await rename("Альфа Диджитал", "Альфа Про");
    now = new Date(now.getTime() + MAX_AGE_MS - 1);
    expect(await names()).toContain("Альфа Диджитал");
    now = new Date(now.getTime() + 1);
    expect(await names()).toContain("Альфа Про");
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
