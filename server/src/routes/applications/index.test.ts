import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { body, createHarness, type Harness, signIn, signUp } from "../../test/harness.ts";
import { jsonInit } from "../../test/http.ts";

const form = (over: Record<string, unknown> = {}) => ({
  companyType: "legal_entity",
  companyName: "ООО Ромашка",
  inn: "7707083893",
  contactName: "Иван Петров",
  phone: "+7 495 000-00-00",
  email: "ivan@romashka.ru",
  city: "Москва",
  website: "https://romashka.ru",
  activity: "Внедрение 1С-Битрикс",
  consentPersonalData: true,
  ...over,
});

describe("POST /api/v1/applications (R1.2a)", () => {
  let h: Harness;
  let cookie: string;
  const post = (data: unknown, c: string | undefined = cookie) =>
    h.app.request("/api/v1/applications", jsonInit("POST", c, data));
  beforeAll(async () => {
    h = await createHarness();
    await signUp(h.app, "applicant@example.ru", "correct-horse", "Заявитель");
    cookie = await signIn(h.app, "applicant@example.ru", "correct-horse");
  });
  afterAll(() => h.close());

  it("anonymous: 401", async () => {
    expect((await post(form(), "")).status).toBe(401);
  });

  it("without consent: 422 naming the field in Russian then English", async () => {
    const { consentPersonalData: _, ...rest } = form();
    const res = await post(rest);
    expect(res.status).toBe(422);
    const p = await body(res);
    const err = p.errors.find((e: { path: string }) => e.path === "consentPersonalData");
    expect(err.message).toMatch(/^Необходимо согласие .* \/ Consent to personal data/);
    expect((await post(form({ consentPersonalData: false }))).status).toBe(422);
  });

  it("bad INN: 422 (checksum, and length for the company type)", async () => {
    const bad = await post(form({ inn: "7707083894" }));
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors[0]).toMatchObject({ path: "inn" });
    expect((await post(form({ companyType: "sole_proprietor", inn: "7707083893" }))).status).toBe(422);
  });

  it("submits, shows on /mine, and a duplicate INN is 409 problem+json", async () => {
    const res = await post(form({ inn: "7736207543" }));
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ state: "submitted", inn: "7736207543" });
    const dup = await post(form({ inn: "7736207543", companyName: "Другая" }));
    expect(dup.status).toBe(409);
    expect(dup.headers.get("content-type")).toBe("application/problem+json");
    const mine = await body(await h.app.request("/api/v1/applications/mine", { headers: { cookie } }));
    expect(mine.items.map((a: { inn: string }) => a.inn)).toContain("7736207543");
  });

  it("R1.1: a sole proprietor applies with a 12-digit INN; a company type outside R1.1 is 422 naming it", async () => {
    expect((await post(form({ companyType: "sole_proprietor", inn: "500100732259" }))).status).toBe(201);
    const other = await post(form({ companyType: "state_agency" }));
    expect(other.status).toBe(422);
    expect((await body(other)).errors.map((e: { path: string }) => e.path)).toContain("companyType");
  });
});
