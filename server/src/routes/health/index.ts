// GET /healthz: the process is up and the database answers a trivial query.
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { createRouter } from "../router.ts";

const HealthSchema = z.object({ status: z.enum(["ok", "unavailable"]) }).openapi("Health");

const route = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["system"],
  summary: "Liveness and database check",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "Database unavailable", content: { "application/json": { schema: HealthSchema } } },
  },
});

export function healthRoutes({ db }: { db: Db }) {
  return createRouter().openapi(route, async (c) => {
    try {
      await db.run(sql`select 1`);
      return c.json({ status: "ok" as const }, 200);
    } catch (err) {
      c.get("logger").error({ err }, "health check failed");
      return c.json({ status: "unavailable" as const }, 503);
    }
  });
}
