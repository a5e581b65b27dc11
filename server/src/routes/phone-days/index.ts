// R7.3 "Order a site by phone": partners book a working day in the Moscow office and file the report;
// staff record the day's calls as leads for that partner and watch for overdue reports; admins set capacity.
import { createRoute, z } from "@hono/zod-openapi";
import { type CivilDate, daysBetween } from "@partner-trust/rules";
import { addDays, type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { validationError } from "../../errors/index.ts";
import {
  allBookings,
  availability,
  bookDay,
  fileReport,
  partnerBookings,
  setDayCapacity,
} from "../../program/phone-days/bookings.ts";
import { recordCall } from "../../program/phone-days/calls.ts";
import { LeadInputSchema } from "../leads/schemas.ts";
import { json, jsonBody, partnerParams, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const BookingSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    day: z.string(),
    state: z.enum(["requested", "confirmed", "cancelled", "done"]),
    reportDueOn: z.string().nullable(),
    reportSubmittedAt: z.string().nullable(),
    report: z.string().nullable(),
    leads: z.number(),
    overdue: z.boolean(),
  })
  .openapi("PhoneDayBooking");
const bookingParam = z.object({ bookingId: pathId("bookingId") });
const MAX_RANGE_DAYS = 92;

const book = createRoute({
  method: "post",
  path: "/partners/{partnerId}/phone-days",
  security: [{ session: [] }],
  tags: ["phone-days"],
  summary: "Apply for a working day in the Moscow office (R7.3); 409 when the day is full",
  request: { params: partnerParams, ...jsonBody(z.object({ day: z.iso.date() })) },
  responses: {
    201: json(
      z.object({
        id: z.string(),
        partnerId: z.string(),
        day: z.string(),
        state: z.literal("confirmed"),
        reportDueOn: z.string(),
      }),
      "Booked",
    ),
    ...problems(401, 403, 404, 409, 422),
  },
});
const own = createRoute({
  method: "get",
  path: "/partners/{partnerId}/phone-days",
  security: [{ session: [] }],
  tags: ["phone-days"],
  summary: "The partner's phone days, reports and leads taken",
  request: { params: partnerParams },
  responses: { 200: json(z.object({ items: z.array(BookingSchema) })), ...problems(401, 403) },
});
const report = createRoute({
  method: "post",
  path: "/partners/{partnerId}/phone-days/{bookingId}/report",
  security: [{ session: [] }],
  tags: ["phone-days"],
  summary: "File the day's report (due within 5 working days; later ones are marked late)",
  request: {
    params: partnerParams.extend(bookingParam.shape),
    ...jsonBody(z.object({ report: z.string().trim().min(10).max(10000) })),
  },
  responses: {
    200: json(z.object({ id: z.string(), state: z.literal("done"), late: z.boolean() })),
    ...problems(401, 403, 404, 409, 422),
  },
});
const free = createRoute({
  method: "get",
  path: "/phone-days/availability",
  security: [{ session: [] }],
  tags: ["phone-days"],
  summary: "Working days with places left (default: the next 30 days)",
  request: { query: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }) },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({ day: z.string(), capacity: z.number(), booked: z.number(), free: z.number() }),
        ),
      }),
    ),
    ...problems(401, 422),
  },
});
const queue = createRoute({
  method: "get",
  path: "/moderation/phone-days",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Every phone-day booking with its report state; overdue=true for the overdue reports only",
  request: { query: z.object({ overdue: z.enum(["true", "false"]).optional() }) },
  responses: { 200: json(z.object({ items: z.array(BookingSchema) })), ...problems(401, 403, 422) },
});
const call = createRoute({
  method: "post",
  path: "/moderation/phone-days/{bookingId}/leads",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Record a call of the day as a lead assigned to the day's partner (R7.3)",
  request: { params: bookingParam, ...jsonBody(LeadInputSchema.omit({ maxProposals: true })) },
  responses: {
    201: json(
      z.object({
        id: z.string(),
        partnerId: z.string(),
        bookingId: z.string(),
        city: z.string(),
        state: z.string(),
      }),
      "Recorded",
    ),
    ...problems(401, 403, 404, 409, 422),
  },
});
const capacity = createRoute({
  method: "put",
  path: "/admin/phone-days/{day}/capacity",
  security: [{ session: [] }],
  tags: ["admin"],
  summary: "Set how many partners a day takes (default one)",
  request: {
    params: z.object({ day: z.iso.date().openapi({ param: { name: "day", in: "path" } }) }),
    ...jsonBody(z.object({ capacity: z.number().int().min(0).max(20) })),
  },
  responses: { 200: json(z.object({ day: z.string(), capacity: z.number() })), ...problems(401, 403, 422) },
});

export function phoneDayRoutes({ db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) {
  return createRouter()
    .openapi(book, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      return c.json(
        await bookDay(db, partnerId, c.req.valid("json").day as CivilDate, p.userId, { clock }),
        201,
      );
    })
    .openapi(own, async (c) =>
      c.json({ items: await partnerBookings(db, c.req.valid("param").partnerId, { clock }) }, 200),
    )
    .openapi(report, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId, bookingId } = c.req.valid("param");
      return c.json(
        await fileReport(db, partnerId, bookingId, c.req.valid("json").report, p.userId, { clock }),
        200,
      );
    })
    .openapi(free, async (c) => {
      const q = c.req.valid("query");
      const from = (q.from ?? addDays(moscowDay(clock.now()), 1)) as CivilDate;
      const to = (q.to ?? addDays(from, 30)) as CivilDate;
      if (to < from)
        throw validationError([{ path: "to", message: "Конец раньше начала / The end is before the start" }]);
      if (daysBetween(from, to) > MAX_RANGE_DAYS)
        throw validationError([
          { path: "to", message: `Не больше ${MAX_RANGE_DAYS} дней / At most ${MAX_RANGE_DAYS} days` },
        ]);
      return c.json({ items: await availability(db, from, to) }, 200);
    })
    .openapi(queue, async (c) =>
      c.json(
        { items: await allBookings(db, { clock, overdueOnly: c.req.valid("query").overdue === "true" }) },
        200,
      ),
    )
    .openapi(call, async (c) => {
      const p = signedIn(c.get("principal"));
      const { bookingId } = c.req.valid("param");
      return c.json(
        await recordCall(db, bookingId, c.req.valid("json"), p.userId, { clock, publicUrl }),
        201,
      );
    })
    .openapi(capacity, async (c) => {
      const p = signedIn(c.get("principal"));
      const { day } = c.req.valid("param");
      return c.json(
        await setDayCapacity(db, day as CivilDate, c.req.valid("json").capacity, p.userId, { clock }),
        200,
      );
    });
}
