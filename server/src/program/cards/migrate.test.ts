import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { partnerIdByName } from "../../test/http.ts";
import { moveSingleValuesIntoLists } from "./migrate.ts";

describe("R1.4a: the old single phone / e-mail / address move into the lists", () => {
  let h: Harness;
  let partnerId: string;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    partnerId = await partnerIdByName(h, "Веб-студия Альфа");
  });
  afterAll(() => h.close());

  it("R1.4a: read as one-item lists before the move; moved once (E.164, an unparsable phone kept as written)", async () => {
    const [old] = await h.db
      .insert(s.cardVersions)
      .values({
        partnerId,
        version: 50,
        state: "approved",
        name: "Старая карточка",
        city: "Москва",
        phone: "8 (495) 229-14-41",
        email: "old@alfa-web.ru",
        address: "Москва, Старый пер., 1",
        submittedAt: new Date(),
      })
      .returning();
    const [odd] = await h.db
      .insert(s.cardVersions)
      .values({
        partnerId,
        version: 51,
        state: "rejected",
        name: "x",
        city: "y",
        phone: "доб. 12",
        submittedAt: new Date(),
      })
      .returning();
    // Before the move, readers already see lists (contactLists), e.g. the public card of the approved version.
    const card = await body(await h.app.request(`/api/v1/public/partners/${partnerId}/card`));
    expect(card).toMatchObject({ phones: ["8 (495) 229-14-41"], emails: ["old@alfa-web.ru"] });

    expect(await moveSingleValuesIntoLists(h.db)).toBe(2);
    const [moved] = await h.db.select().from(s.cardVersions).where(eq(s.cardVersions.id, old!.id));
    expect(moved).toMatchObject({
      phones: ["+74952291441"],
      emails: ["old@alfa-web.ru"],
      addresses: ["Москва, Старый пер., 1"],
      phone: null,
      email: null,
      address: null,
    });
    const [kept] = await h.db.select().from(s.cardVersions).where(eq(s.cardVersions.id, odd!.id));
    expect(kept).toMatchObject({ phones: ["доб. 12"], phone: null });
    expect(await moveSingleValuesIntoLists(h.db)).toBe(0);
  });
});
