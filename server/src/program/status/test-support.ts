// Test support for the status tests: the catalogue, a partner with a main user and certified
// employees, QM completions, a clock the test moves.
import { addDays, type CivilDate } from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { type Clock, moscowMidnight } from "../../clock.ts";
import type { Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { seedCatalogue } from "../catalogue/store.ts";

/** A clock set to 10:00 MSK of a day; `set` moves it. */
export function dayClock(day: CivilDate): Clock & { set(day: CivilDate): void; day(): CivilDate } {
  let current = day;
  return {
    now: () => new Date(moscowMidnight(current).getTime() + 10 * 3600_000),
    set(next) {
      current = next;
    },
    day: () => current,
  };
}

export const at = (day: CivilDate) => moscowMidnight(day);

/** The engine's default catalogue in the tables (what the seed writes first). */
export const withCatalogue = (db: Writer) => seedCatalogue(db);

/** Gold's table of the default catalogue: 2 × admin-basic, 2 × developer, 1 × admin-business. */
export const goldTeam = [["admin-basic", "developer"], ["admin-basic", "admin-business"], ["developer"]];

export type TestPartner = { id: string; mainEmail: string; employeeIds: string[] };

/** A partner approved on `approvedOn`, its main user, and attached employees with certificates. */
export async function createPartner(
  db: Writer,
  {
    approvedOn,
    employees = [],
    name = "ООО Тест",
  }: { approvedOn: CivilDate; employees?: string[][]; name?: string },
): Promise<TestPartner> {
  const id = crypto.randomUUID();
  const tag = id.slice(0, 8);
  const when = at(approvedOn);
  const user = (n: number) => ({
    id: crypto.randomUUID(),
    name: `Сотрудник ${n}`,
    email: `u${n}-${tag}@example.ru`,
    emailVerified: true,
    createdAt: when,
    updatedAt: when,
  });
  const main = user(0);
  const staff = employees.map((_, i) => user(i + 1));
  await db.insert(s.user).values([main, ...staff]);
  await db.insert(s.partners).values({
    id,
    name,
    legalKind: "legal_entity",
    city: "Москва",
    approvedAt: when,
    status: "business",
    statusSince: approvedOn,
  });
  await db.insert(s.statusTerms).values({ partnerId: id, status: "business", startsOn: approvedOn });
  await db.insert(s.employeeLinks).values(
    [main, ...staff].map((u, i) => ({
      partnerId: id,
      userId: u.id,
      level: i === 0 ? ("main" as const) : ("certified" as const),
      invitation: "accepted" as const,
      invitedAt: when,
      respondedAt: when,
    })),
  );
  const courses = await db.select().from(s.courses);
  const courseId = (code: string) => courses.find((c) => c.code === code)!.id;
  const certificates = staff.flatMap((u, i) =>
    employees[i]!.map((code) => ({ userId: u.id, courseId: courseId(code), issuedAt: when })),
  );
  if (certificates.length) await db.insert(s.certificates).values(certificates);
  return { id, mainEmail: main.email, employeeIds: staff.map((u) => u.id) };
}

/** R5.5b: a project whose QM completed on `day` (both stages); returns the submission id. */
export async function completeQm(db: Writer, partnerId: string, day: CivilDate): Promise<string> {
  const projectId = crypto.randomUUID();
  await db.insert(s.projects).values({
    id: projectId,
    partnerId,
    host: `qm-${projectId.slice(0, 8)}.ru`,
    title: "QM project",
    state: "credited",
    submittedAt: at(addDays(day, -10)),
    creditedAt: at(addDays(day, -5)),
  });
  const [row] = await db
    .insert(s.qmSubmissions)
    .values({
      partnerId,
      projectId,
      testResults: [],
      clientContactName: "Клиент",
      clientContactPhone: "+7 900 000-00-00",
      state: "completed",
      submittedAt: at(addDays(day, -3)),
      completedAt: at(day),
    })
    .returning({ id: s.qmSubmissions.id });
  return row!.id;
}

/** R4C.1: detaches an employee on `day`. */
export async function detach(db: Writer, userId: string, day: CivilDate): Promise<void> {
  await db
    .update(s.employeeLinks)
    .set({ invitation: "detached", detachedAt: at(day) })
    .where(eq(s.employeeLinks.userId, userId));
}

export async function statusKeys(db: Writer, partnerId: string) {
  const rows = await db.select().from(s.nfrLicenses).where(eq(s.nfrLicenses.partnerId, partnerId));
  return rows.filter((k) => k.kind === "status");
}

export async function partnerState(db: Writer, partnerId: string) {
  const [p] = await db.select().from(s.partners).where(eq(s.partners.id, partnerId));
  return { status: p!.status, since: p!.statusSince, until: p!.statusUntil };
}
