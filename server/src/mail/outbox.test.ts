import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../clock.ts";
import { emailOutbox } from "../db/schema/index.ts";
import { body, createHarness, type Harness } from "../test/harness.ts";
import { backoffMs, createMailer, MAX_ATTEMPTS } from "./outbox.ts";
import type { Mail, Transport } from "./transport.ts";

/** A transport that fails while `failing` is true and records what it sent. */
const flakyTransport = () => {
  const sent: Mail[] = [];
  const t = {
    name: "flaky",
    failing: true as boolean,
    sent,
    async send(mail: Mail) {
      if (t.failing) throw new Error("SMTP 451: try again later");
      sent.push(mail);
    },
  } satisfies Transport & { failing: boolean; sent: Mail[] };
  return t;
};

describe("e-mail outbox", () => {
  let h: Harness;
  let now = new Date("2026-03-01T10:00:00Z");
  const clock: Clock = { now: () => new Date(now) };
  beforeAll(async () => {
    h = await createHarness({ clock });
  });
  afterAll(() => h.close());

  const row = async (id: string) => (await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

  it("sends a pending mail once", async () => {
    const t = flakyTransport();
    t.failing = false;
    const mailer = createMailer({ db: h.db, transport: t, clock });
    const id = await mailer.enqueue({
      to: "a@example.ru",
      subject: "Заявка одобрена",
      text: "Добро пожаловать",
    });
    expect(await mailer.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(await mailer.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(t.sent).toHaveLength(1);
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 1, lastError: null });
  });

  it("on failure keeps the mail, records the error, retries after the backoff", async () => {
    const t = flakyTransport();
    const mailer = createMailer({ db: h.db, transport: t, clock });
    const id = await mailer.enqueue({ to: "b@example.ru", subject: "Статус", text: "…" });

    expect(await mailer.deliverDue()).toEqual({ sent: 0, failed: 1 });
    let r = await row(id);
    expect(r).toMatchObject({ state: "pending", attempts: 1, lastError: "SMTP 451: try again later" });
    expect(r.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMs(1));

    // Not due yet: nothing is tried.
    expect(await mailer.deliverDue()).toEqual({ sent: 0, failed: 0 });

    now = new Date(now.getTime() + backoffMs(1));
    expect(await mailer.deliverDue()).toEqual({ sent: 0, failed: 1 });
    r = await row(id);
    expect(r.attempts).toBe(2);
    expect(r.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMs(2));

    t.failing = false;
    now = new Date(now.getTime() + backoffMs(2));
    expect(await mailer.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 3, lastError: null });
    expect(t.sent.map((m) => m.to)).toEqual(["b@example.ru"]);
  });

  it(`after ${MAX_ATTEMPTS} failures the mail is marked failed, not deleted`, async () => {
    const t = flakyTransport();
    const mailer = createMailer({ db: h.db, transport: t, clock });
    const id = await mailer.enqueue({ to: "c@example.ru", subject: "x", text: "x" });
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await mailer.deliverDue();
      now = new Date(now.getTime() + backoffMs(i));
    }
    expect(await row(id)).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });
    expect(await mailer.deliverDue()).toEqual({ sent: 0, failed: 0 });
  });

  it("backoff doubles and is capped", () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(6 * 60 * 60 * 1000);
  });

  it("dev outbox: JSON and a Russian-first page", async () => {
    const api = await h.app.request("/api/v1/dev/outbox");
    expect(api.status).toBe(200);
    const { items } = await body(api);
    expect(items.map((m: { to: string }) => m.to)).toEqual(
      expect.arrayContaining(["a@example.ru", "b@example.ru", "c@example.ru"]),
    );
    const page = await h.app.request("/dev/outbox");
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html.indexOf("Исходящие письма")).toBeLessThan(html.indexOf("Outbox"));
    expect(html).toContain("Заявка одобрена");
  });

  it("dev outbox is absent in production", async () => {
    const prod = await createHarness({ production: true });
    try {
      expect((await prod.app.request("/api/v1/dev/outbox")).status).toBe(404);
      expect((await prod.app.request("/dev/outbox")).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
