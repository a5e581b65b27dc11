// Dev only: the mails the dev transport "sent", as JSON (/api/v1/dev/outbox) and as a page (/dev/outbox).
import { createRoute, z } from "@hono/zod-openapi";
import { desc } from "drizzle-orm";
import { html } from "hono/html";
import type { Db } from "../../db/client.ts";
import { emailOutbox } from "../../db/schema/index.ts";
import { createRouter } from "../router.ts";

const MailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    state: z.enum(["pending", "sent", "failed"]),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi("OutboxMail");

const listMails = async (db: Db) => {
  const rows = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(200);
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    state: r.state,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
};

const route = createRoute({
  method: "get",
  path: "/dev/outbox",
  tags: ["dev"],
  summary: "Dev outbox (not in production)",
  responses: {
    200: {
      description: "Mails, newest first",
      content: { "application/json": { schema: z.object({ items: z.array(MailSchema) }) } },
    },
  },
});

export function devOutboxApi({ db }: { db: Db }) {
  return createRouter().openapi(route, async (c) => c.json({ items: await listMails(db) }, 200));
}

export function devOutboxPage({ db }: { db: Db }) {
  return createRouter().get("/dev/outbox", async (c) => {
    const mails = await listMails(db);
    return c.html(html`<!doctype html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <title>Исходящие письма · Outbox</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
      article { border: 1px solid #ccc; border-radius: 6px; margin: 1rem 0; padding: 0.5rem 1rem; }
      pre { white-space: pre-wrap; }
      .meta { color: #555; font-size: 13px; }
    </style>
  </head>
  <body>
    <h1>Исходящие письма <small lang="en">/ Outbox (development)</small></h1>
    <p>Письма не отправляются: они видны здесь. <span lang="en">Mails are not sent: they are shown here.</span></p>
    ${mails.length === 0 ? html`<p>Писем нет. <span lang="en">No mail.</span></p>` : ""}
    ${mails.map(
      (m) => html`<article>
        <h2>${m.subject}</h2>
        <p class="meta">Кому / To: ${m.to} · ${m.createdAt} · ${m.state} (${m.attempts})</p>
        <pre>${m.text}</pre>
      </article>`,
    )}
  </body>
</html>`);
  });
}
