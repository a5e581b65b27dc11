// Test support for the QM and NFR route tests: users who can sign in, linked to a partner at a level.
import * as s from "../../db/schema/index.ts";
import { qmQuestionData } from "../../seed/catalogue.ts";
import type { Harness } from "../../test/harness.ts";
import { jsonInit, partnerUser, signedInAccount } from "../../test/http.ts";
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
  const account =
    "role" in access
      ? await signedInAccount(h, email, { role: access.role })
      : await partnerUser(h, access.partnerId, email, {
          level: access.level,
          at: new Date("2025-01-01T00:00:00Z"),
        });
  return account.cookie;
}

/** A JSON request with the session cookie. */
export function call(h: Harness, cookie: string, method: string, path: string, json?: unknown) {
  return h.app.request(`/api/v1${path}`, jsonInit(method, cookie, json));
}
