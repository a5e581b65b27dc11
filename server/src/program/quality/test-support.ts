// Test support for the QM and NFR route tests: users who can sign in, linked to a partner at a level.
import { eq } from "drizzle-orm";
import * as s from "../../db/schema/index.ts";
import { qmQuestionData } from "../../seed/catalogue.ts";
import { type Harness, signIn, signUp } from "../../test/harness.ts";
import { seedQmTests } from "./catalogue.ts";

/** The QM data the start seeds: the mandatory tests and the questionnaire. */
export async function withQmCatalogue(h: Harness): Promise<void> {
  await seedQmTests(h.db);
  await h.db.insert(s.qmQuestions).values(qmQuestionData.map((q, i) => ({ ...q, position: i + 1 })));
}

/** Signs up `email`, gives it `role` or links it to `partnerId` at `level` (accepted), and signs it in. */
export async function userWith(
  h: Harness,
  email: string,
  access: { role: "moderator" | "admin" } | { partnerId: string; level: s.EmployeeLevel },
): Promise<string> {
  await signUp(h.app, email, "test-password-1");
  const [u] = await h.db.select({ id: s.user.id }).from(s.user).where(eq(s.user.email, email));
  if ("role" in access) await h.db.update(s.user).set({ role: access.role }).where(eq(s.user.id, u!.id));
  else
    await h.db.insert(s.employeeLinks).values({
      partnerId: access.partnerId,
      userId: u!.id,
      level: access.level,
      invitation: "accepted",
      invitedAt: new Date("2025-01-01T00:00:00Z"),
      respondedAt: new Date("2025-01-01T00:00:00Z"),
    });
  return signIn(h.app, email, "test-password-1");
}

/** A JSON request with the session cookie. */
export function call(h: Harness, cookie: string, method: string, path: string, json?: unknown) {
  return h.app.request(`/api/v1${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(json !== undefined ? { "Content-Type": "application/json" } : {}),
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
}
