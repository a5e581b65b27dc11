// Test support: signed-in accounts, and requests through the app (no network) as one of them with a JSON body.
import { eq } from "drizzle-orm";
import * as s from "../db/schema/index.ts";
import { type DemoAccount, demoAccounts } from "../seed/accounts.ts";
import { seedDemo } from "../seed/index.ts";
import { type Harness, signIn, signUp } from "./harness.ts";

/** A request's init: JSON Content-Type, the session cookie when given, `json` as the body when given. */
export const jsonInit = (method: string, cookie?: string, json?: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
  ...(json === undefined ? {} : { body: JSON.stringify(json) }),
});

export type Send = (method: string, path: string, cookie?: string, json?: unknown) => Promise<Response>;

/**
 * `send(method, path, cookie, json)` through the harness's app; `prefix` is put before every path.
 * Takes a getter because test files create the harness in `beforeAll`.
 */
export const sender =
  (harness: () => Pick<Harness, "app">, prefix = ""): Send =>
  async (method, path, cookie, json) =>
    harness().app.request(prefix + path, jsonInit(method, cookie, json));

/**
 * A signed-in account: signs up (an existing account is kept as it is), sets the vendor-side role when given
 * (better-auth signs everybody up as a client), signs in.
 */
export async function signedInAccount(
  h: Pick<Harness, "app" | "db">,
  email: string,
  { role, name, password = "password-123" }: { role?: string; name?: string; password?: string } = {},
): Promise<{ userId: string; cookie: string }> {
  await signUp(h.app, email, password, name);
  const [u] = await h.db.select({ id: s.user.id }).from(s.user).where(eq(s.user.email, email));
  if (!u) throw new Error(`sign-up of ${email} failed`);
  if (role) await h.db.update(s.user).set({ role }).where(eq(s.user.id, u.id));
  return { userId: u.id, cookie: await signIn(h.app, email, password) };
}

/** Signs in as one of the seeded demo accounts (after `seedDemo`); returns the session cookie. */
export async function signInDemo(h: Pick<Harness, "app">, key: DemoAccount["key"]): Promise<string> {
  const account = demoAccounts.find((a) => a.key === key);
  if (!account) throw new Error(`no demo account ${key}`);
  return signIn(h.app, account.email, account.password);
}

/** The id of the partner of that name (the seed's «Веб-студия Альфа» and the like). */
export async function partnerIdByName(h: Pick<Harness, "db">, name: string): Promise<string> {
  const [p] = await h.db.select({ id: s.partners.id }).from(s.partners).where(eq(s.partners.name, name));
  if (!p) throw new Error(`no partner ${name}`);
  return p.id;
}

/** The demo data on a fresh harness: «Веб-студия Альфа»'s id, its main user's and the moderator's cookies. */
export async function seededDemo(
  h: Harness,
): Promise<{ alfaId: string; partner: string; moderator: string }> {
  await seedDemo(h);
  return {
    alfaId: await partnerIdByName(h, "Веб-студия Альфа"),
    partner: await signInDemo(h, "partner"),
    moderator: await signInDemo(h, "moderator"),
  };
}

/** A signed-in account with an accepted link to the partner (`level` main unless given), linked at `at`. */
export async function partnerUser(
  h: Pick<Harness, "app" | "db">,
  partnerId: string,
  email: string,
  {
    level = "main",
    at = new Date(),
    ...account
  }: { level?: s.EmployeeLevel; at?: Date; name?: string; password?: string } = {},
): Promise<{ userId: string; cookie: string }> {
  const signedIn = await signedInAccount(h, email, account);
  await h.db.insert(s.employeeLinks).values({
    partnerId,
    userId: signedIn.userId,
    level,
    invitation: "accepted",
    invitedAt: at,
    respondedAt: at,
  });
  return signedIn;
}

export type PageResponse = { res: Response; status: number; text: string };

/** A page as a browser gets it (redirects not followed), as the session `cookie` when given. */
export async function getPage(h: Pick<Harness, "app">, path: string, cookie?: string): Promise<PageResponse> {
  const res = await h.app.request(path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { res, status: res.status, text: await res.text() };
}

/** A form posted as a browser posts it: urlencoded, from this site (the pages' CSRF check), not following redirects. */
export async function postForm(
  h: Pick<Harness, "app">,
  path: string,
  form: Record<string, string>,
  cookie?: string,
): Promise<PageResponse> {
  const res = await h.app.request(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "http://localhost",
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
  return { res, status: res.status, text: await res.text() };
}

/** The error shown next to the field with id `f-{id}` (pages/form.ts), if any. */
export const fieldErrorOf = (text: string, id: string) =>
  text.match(new RegExp(`id="f-${id}-err">([^<]*)<`))?.[1];
