import { describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ApiError, createApi } from "./api.ts";
import { currentApi, signIn, signOut } from "./session.ts";
import { serverUrlItem, sessionItem } from "./storage.ts";

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json" },
    ...init,
  });

describe("server API client", () => {
  it("signs in with e-mail and password and takes the bearer token from set-auth-token", async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      json(
        { token: "raw", user: { email: "m@x.ru", name: "M", role: "moderator" } },
        { headers: { "set-auth-token": "signed.token" } },
      ),
    );
    const res = await createApi("http://srv:8787", null, fetch).signIn("m@x.ru", "pw");
    expect(res).toEqual({ token: "signed.token", user: { email: "m@x.ru", name: "M", role: "moderator" } });
    expect(String(fetch.mock.calls[0]?.[0])).toBe("http://srv:8787/api/auth/sign-in/email");
  });
  it("sends Authorization: Bearer and the host on lookup", async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      json({ host: "a.ru", targets: [] }),
    );
    await createApi("http://srv:8787", "tok", fetch).lookup({ host: "a.ru" });
    expect(String(fetch.mock.calls[0]?.[0])).toBe("http://srv:8787/api/v1/audit/lookup?host=a.ru");
    const headers = fetch.mock.calls[0]?.[1]?.headers as Record<string, string> | undefined;
    expect(headers?.authorization).toBe("Bearer tok");
  });
  it("turns problem+json into an ApiError naming the field", async () => {
    const fetch = async () =>
      json(
        {
          type: "/problems/validation",
          status: 422,
          detail: "Invalid value for: verdict",
          errors: [{ path: "verdict" }],
        },
        { status: 422 },
      );
    const err = await createApi("http://srv", "tok", fetch)
      .submitReport({ url: "https://a.ru/", findings: [], verdict: "confirm", note: "" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, message: "422: Invalid value for: verdict" });
  });
});

describe("session", () => {
  it("stores the token from sign-in for the configured server, and clears it on sign-out", async () => {
    fakeBrowser.reset();
    await serverUrlItem.setValue("http://other:9000");
    const calls: string[] = [];
    const fetch = async (url: string | URL | Request, init?: RequestInit) => {
      calls.push(
        `${init?.method ?? "GET"} ${url} ${(init?.headers as Record<string, string>)?.authorization ?? ""}`,
      );
      return String(url).endsWith("/sign-in/email")
        ? json(
            { user: { email: "m@x.ru", name: "M", role: "moderator" } },
            { headers: { "set-auth-token": "t1" } },
          )
        : json({ host: "a.ru", targets: [] });
    };
    await signIn("m@x.ru", "pw", fetch);
    expect(await sessionItem.getValue()).toMatchObject({ token: "t1", role: "moderator" });
    await (await currentApi(fetch)).lookup({ host: "a.ru" });
    await signOut(fetch);
    expect(await sessionItem.getValue()).toBeNull();
    expect(calls).toEqual([
      "POST http://other:9000/api/auth/sign-in/email ",
      "GET http://other:9000/api/v1/audit/lookup?host=a.ru Bearer t1",
      "POST http://other:9000/api/auth/sign-out Bearer t1",
    ]);
  });
});
