// R7.3: the working calendar (weekends, holidays, working weekends) from the catalogue's calendar_days.
import type { CivilDate, WorkCalendar } from "@partner-trust/rules";
import type { Writer } from "../../db/client.ts";
import { calendarDays } from "../../db/schema/index.ts";

export async function loadWorkCalendar(db: Writer): Promise<WorkCalendar> {
  const days = await db.select().from(calendarDays);
  return {
    holidays: days.filter((d) => d.kind === "holiday").map((d) => d.day as CivilDate),
    workingWeekends: days.filter((d) => d.kind === "working_weekend").map((d) => d.day as CivilDate),
  };
}
