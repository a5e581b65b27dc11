// R7.3 "Order a site by phone": the working days with places left (next 30 days), booking one (capacity is the
// program's: one conditional insert), the partner's bookings with the report due date and the overdue flag, and
// the report form once the day has come. Section users (R4E.4: limited ones too).
import type { CivilDate } from "@partner-trust/rules";
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { addDays, type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { availability, bookDay, fileReport, partnerBookings } from "../../program/phone-days/bookings.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, type FormData, field, formAlert, readForm, select, submitForm } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

/** How far ahead the page offers days (the API's default window). */
const WINDOW_DAYS = 30;

const BookForm = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Выберите день / Choose a day"),
});
const ReportForm = z.object({
  report: z
    .string()
    .trim()
    .min(10, "Опишите день: не меньше 10 символов / Describe the day: at least 10 characters")
    .max(10000),
});

const stateWords: Record<string, [string, string]> = {
  requested: ["заявка", "requested"],
  confirmed: ["подтверждён", "confirmed"],
  done: ["отчёт сдан", "report filed"],
  cancelled: ["отменён", "cancelled"],
};

/** Which form the errors belong to: booking (`book`) or one booking's report (its id). */
type Failed = { form: string; values: FormData; errors: FieldErrors };

export async function phoneDaysPage(
  c: Context<AppEnv>,
  deps: Deps,
  failed?: Failed,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const today = moscowDay(deps.clock.now()) as CivilDate;
  const from = addDays(today, 1) as CivilDate;
  const [partner, days, bookings] = await Promise.all([
    loadPartner(deps.db, partnerId),
    availability(deps.db, from, addDays(from, WINDOW_DAYS) as CivilDate),
    partnerBookings(deps.db, partnerId, { clock: deps.clock }),
  ]);
  const open = days.filter((d) => d.free > 0);
  const full = days.length - open.length;
  const bookErr = failed?.form === "book" ? failed : undefined;
  const reportable = (b: { state: string; day: string }) => b.state === "confirmed" && b.day <= today;
  // A refusal for a booking that shows no report form (filed already, not yet come, not this partner's): on top.
  const orphan =
    failed && failed.form !== "book" && !bookings.some((b) => b.id === failed.form && reportable(b))
      ? { _: Object.values(failed.errors).flat() }
      : undefined;
  const q = (k: string) => c.req.query(k);
  const body = html`${formAlert(orphan)}
    ${q("booked") ? html`<p class="ok" role="status">${bi(`Вы записаны на ${ruDate(q("booked"))}.`, `You are booked for ${ruDate(q("booked"))}.`)}</p>` : ""}
    ${
      q("reported")
        ? html`<p class="ok" role="status">${
            q("late")
              ? bi("Отчёт принят с опозданием.", "The report was accepted late.")
              : bi("Отчёт принят.", "The report was accepted.")
          }</p>`
        : ""
    }
    <p class="muted">${bi(
      "Рабочий день в московском офисе 1С-Битрикс (10:00–19:00): звонки клиентов передаются вам как заявки. Отчёт — в течение пяти рабочих дней после дня.",
      "A working day in the 1C-Bitrix Moscow office (10:00–19:00): client calls come to you as leads. The report is due within five working days after the day.",
    )}</p>
    <section aria-labelledby="mine-h"><h2 id="mine-h">${bi("Мои дни", "My days")}</h2>
    ${
      bookings.length
        ? html`<div class="table-wrap"><table><thead><tr>
            <th scope="col">${bi("День", "Day")}</th><th scope="col">${bi("Состояние", "State")}</th>
            <th scope="col">${bi("Отчёт до", "Report due")}</th><th scope="col" class="num">${bi("Заявки", "Leads")}</th>
            <th scope="col">${bi("Отчёт", "Report")}</th></tr></thead><tbody>
            ${bookings.map((b) => {
              const [ru, en] = stateWords[b.state] ?? [b.state, b.state];
              const mine = failed?.form === b.id ? failed : undefined;
              return html`<tr><td>${ruDate(b.day)}</td>
                <td><span class="badge state-${b.state}">${bi(ru, en)}</span></td>
                <td>${ruDate(b.reportDueOn)}${b.overdue ? html`<br><span class="badge state-rejected">${bi("просрочен", "overdue")}</span>` : ""}</td>
                <td class="num">${b.leads}</td>
                <td>${
                  b.report
                    ? html`${b.report}<br><span class="muted">${ruDate(b.reportSubmittedAt ? new Date(b.reportSubmittedAt) : null)}</span>`
                    : reportable(b)
                      ? html`<form class="stack" method="post" action="/cabinet/${partnerId}/phone-days/${b.id}/report" novalidate>
                          ${formAlert(mine?.errors)}
                          ${field({ name: "report", form: b.id, label: [`Отчёт за ${ruDate(b.day)}`, `Report for ${ruDate(b.day)}`], value: mine?.values.report, errors: mine?.errors, required: true, multiline: true })}
                          <div><button type="submit">${bi("Сдать отчёт", "File the report")}</button></div></form>`
                      : html`<span class="muted">${bi("после дня", "after the day")}</span>`
                }</td></tr>`;
            })}</tbody></table></div>`
        : html`<p>${bi("Вы ещё не записывались.", "No bookings yet.")}</p>`
    }</section>
    <section aria-labelledby="book-h"><h2 id="book-h">${bi("Записаться на день", "Book a day")}</h2>
      ${
        full
          ? html`<p class="muted">${bi(`Занятых рабочих дней в ближайшие ${WINDOW_DAYS} дней: ${full}.`, `Fully booked working days in the next ${WINDOW_DAYS} days: ${full}.`)}</p>`
          : ""
      }
      <form class="stack" method="post" action="/cabinet/${partnerId}/phone-days" novalidate>
        ${formAlert(bookErr?.errors)}
        ${select({
          name: "day",
          label: ["Рабочий день", "Working day"],
          value: bookErr?.values.day,
          errors: bookErr?.errors,
          options: [
            ["", "—", ""],
            ...open.map(
              (d) =>
                [
                  d.day,
                  `${ruDate(d.day)} — свободно ${d.free} из ${d.capacity}`,
                  `${d.free} of ${d.capacity} free`,
                ] as const,
            ),
          ],
        })}
        <div><button type="submit">${bi("Записаться", "Book")}</button></div>
      </form></section>`;
  return cabinetPage(
    c,
    partner,
    "phone-days",
    ["Заказ сайта по телефону", "Order a site by phone"],
    body,
    "",
    status,
  );
}

export async function bookDayForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    BookForm,
    async (data) => {
      const booked = await bookDay(deps.db, partnerId, data.day as CivilDate, c.get("principal")!.userId, {
        clock: deps.clock,
      });
      return `/cabinet/${partnerId}/phone-days?booked=${booked.day}`;
    },
    (errors, status) => phoneDaysPage(c, deps, { form: "book", values, errors }, status),
  );
}

export async function reportForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const bookingId = c.req.param("bookingId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    ReportForm,
    async (data) => {
      const done = await fileReport(deps.db, partnerId, bookingId, data.report, c.get("principal")!.userId, {
        clock: deps.clock,
      });
      return `/cabinet/${partnerId}/phone-days?reported=1${done.late ? "&late=1" : ""}`;
    },
    (errors, status) => phoneDaysPage(c, deps, { form: bookingId, values, errors }, status),
  );
}
