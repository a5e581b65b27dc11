import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { browserLocale, loadLocale, locale, pick, setLocale, t } from "./i18n.ts";
import { DEFAULT_SERVER_URL, localeItem, serverUrlItem, sessionItem } from "./storage.ts";

beforeEach(() => fakeBrowser.reset());

describe("typed storage items", () => {
  it("defaults: the local server, no session, the browser's language", async () => {
    expect(await serverUrlItem.getValue()).toBe(DEFAULT_SERVER_URL);
    expect(await sessionItem.getValue()).toBeNull();
    expect(await localeItem.getValue()).toBeNull();
  });
  it("keeps the session in extension storage (local area)", async () => {
    await sessionItem.setValue({ token: "tok.sig", email: "m@x.ru", name: "M", role: "moderator" });
    expect(await fakeBrowser.storage.local.get("session")).toEqual({
      session: { token: "tok.sig", email: "m@x.ru", name: "M", role: "moderator" },
    });
  });
});

describe("language: Russian first, English second", () => {
  it("follows the browser unless switched, and remembers the switch", async () => {
    expect(browserLocale("ru-RU")).toBe("ru");
    expect(browserLocale("en-US")).toBe("en");
    expect(browserLocale(undefined)).toBe("ru");
    expect(await loadLocale("en-GB")).toBe("en");
    expect(t("submit")).toBe("Submit report");
    await setLocale("ru");
    expect(await loadLocale("en-GB")).toBe("ru");
    expect(locale.value).toBe("ru");
    expect(t("submit")).toBe("Отправить отчёт");
    expect(pick({ ru: "да", en: "yes" })).toBe("да");
  });
});
