import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness.ts";
import { acquireLease } from "./lease.ts";

describe("leases (single-runner jobs)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const t0 = new Date("2026-11-24T21:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("one holder at a time; renewable by the holder; taken over only after expiry", async () => {
    expect(await acquireLease(h.db, "daily-recompute", "a", t0, 60_000)).toBe(true);
    expect(await acquireLease(h.db, "daily-recompute", "b", at(30_000), 60_000)).toBe(false);
    expect(await acquireLease(h.db, "daily-recompute", "a", at(50_000), 60_000)).toBe(true);
    // a renewed until t0 + 110 s: b still waits at t0 + 100 s …
    expect(await acquireLease(h.db, "daily-recompute", "b", at(100_000), 60_000)).toBe(false);
    // … and takes over once it has expired.
    expect(await acquireLease(h.db, "daily-recompute", "b", at(120_000), 60_000)).toBe(true);
    expect(await acquireLease(h.db, "daily-recompute", "a", at(121_000), 60_000)).toBe(false);
  });

  it("leases are independent by name", async () => {
    expect(await acquireLease(h.db, "mail-delivery", "c", t0, 60_000)).toBe(true);
    expect(await acquireLease(h.db, "other-job", "d", t0, 60_000)).toBe(true);
  });
});
