import { describe, expect, it } from "vitest";
import { devTransport, transportFor } from "./transport.ts";

describe("transportFor", () => {
  it("uses SMTP when SMTP_URL is set, the dev transport otherwise", () => {
    expect(transportFor(undefined)).toBe(devTransport);
    expect(transportFor("smtp://user:pass@127.0.0.1:2525").name).toBe("smtp");
  });

  it("an unreachable SMTP server makes send() reject, so the outbox keeps the mail", async () => {
    const smtp = transportFor("smtp://127.0.0.1:1/?connectionTimeout=500");
    await expect(smtp.send({ to: "a@example.ru", subject: "s", text: "t" })).rejects.toThrow();
  });
});
