import { describe, expect, it } from "vitest";
import { loadPage, pageFromHtml } from "../../test/server.ts";
import type { PartnerCard } from "../card.ts";
import { normaliseAddress, sameAddress } from "../contacts/address.ts";
import { normaliseEmail, normalisePhone } from "../contacts/extract.ts";
import { checkContacts } from "./a2-contacts.ts";

const card: PartnerCard = {
  name: "Веб-студия Пример",
  phones: ["+7 495 229-14-41"],
  emails: ["info@primer-studio.ru"],
  addresses: ["Москва, Тверская улица, дом 7"],
  domains: ["primer-studio.ru"],
};

describe("A2 (R1.4b) normalisation", () => {
  it("phones to E.164 with RU default", () => {
    expect(normalisePhone("8 (495) 229-14-41")).toBe("+74952291441");
    expect(normalisePhone("+7 495 229 14 41")).toBe("+74952291441");
    expect(normalisePhone("(495) 229-14-41")).toBe("+74952291441");
    expect(normalisePhone("8-800-250-1860")).toBe("+78002501860");
    expect(normalisePhone("+7 (495) 111-22-33")).not.toBe("+74952291441");
  });
  it("e-mails case-folded, mailto stripped", () => {
    expect(normaliseEmail("mailto:INFO@Primer-Studio.ru?subject=Hi")).toBe("info@primer-studio.ru");
  });
  it("addresses: abbreviations, ё, punctuation and word order", () => {
    expect(normaliseAddress("ул. Тверская, д. 7")).toBe(normaliseAddress("Тверская улица, дом 7"));
    expect(sameAddress("г. Москва, ул. Тверская, д. 7", "Москва, Тверская улица, дом 7")).toBe(true);
    expect(sameAddress("125009, г. Москва, Тверская ул., 7", "Москва, ул. Тверская, д. 7")).toBe(true);
    expect(
      sameAddress(
        "Санкт-Петербург, Невский пр-т, д. 28, стр. 2",
        "СПб".replace("СПб", "Санкт-Петербург, проспект Невский, дом 28, строение 2"),
      ),
    ).toBe(true);
    expect(
      sameAddress(
        "г. Москва, ул. Щёлковская, д. 1, корп. 2, оф. 5",
        "Москва, Щелковская улица, дом 1 корпус 2 офис 5",
      ),
    ).toBe(true);
    expect(sameAddress("Москва, пер. Тверской, д. 7", "Москва, пер. Тверской, д. 7, оф. 3")).toBe(false);
    expect(sameAddress("г. Москва, ул. Тверская, д. 7", "г. Москва, ул. Тверская, д. 8")).toBe(false);
    expect(sameAddress("ул. Тверская, д. 7, стр. 2", "ул. Тверская, д. 2, стр. 7")).toBe(false);
    expect(sameAddress("ул. Тверская, д. 7", "пл. Тверская, д. 7")).toBe(false);
  });
});

describe("A2 (R1.4b) check", () => {
  it("passes when every site contact is on the card (text, links, JSON-LD, microdata)", async () => {
    const pages = [
      await loadPage("nfr-good/index.html", "https://primer-studio.ru/"),
      await loadPage("nfr-good/contacts.html", "https://primer-studio.ru/contacts.html"),
    ];
    const f = checkContacts({ url: pages[0]!.url, pages, crawled: true, card });
    expect(f.message.en).toMatch(/^Every contact/);
    expect(f.verdict).toBe("pass");
    expect(f.details).toMatchObject({ phones: 1, emails: 1 });
  });
  it("fails on a contact the card lacks, showing both values", () => {
    const page = pageFromHtml(
      `<body><p>Тел.: 8 (495) 229-14-42</p><p>Почта: info@primer-studio.ru</p><address>г. Москва, ул. Тверская, д. 8</address></body>`,
    );
    const f = checkContacts({ url: page.url, pages: [page], crawled: false, card });
    expect(f.verdict).toBe("fail");
    const mismatches = f.details!.mismatches as {
      kind: string;
      site: string;
      siteNormalised: string;
      card?: string;
    }[];
    expect(mismatches.map((m) => m.kind).sort()).toEqual(["address", "phone"]);
    const phone = mismatches.find((m) => m.kind === "phone")!;
    expect(phone).toMatchObject({ siteNormalised: "+74952291442", card: "+7 495 229-14-41" });
    expect(mismatches.find((m) => m.kind === "address")?.card).toBe("Москва, Тверская улица, дом 7");
    expect(f.message.ru).toContain("в карточке: +7 495 229-14-41");
  });
  it("reads tel:/mailto: and JSON-LD even when not in the text", () => {
    const page = pageFromHtml(
      `<head><script type="application/ld+json">{"@type":"LocalBusiness","email":"boss@elsewhere.ru"}</script></head><body><a href="tel:+74951112233">звоните</a></body>`,
    );
    const f = checkContacts({ url: page.url, pages: [page], crawled: false, card });
    expect(f.verdict).toBe("fail");
    expect(
      (f.details!.mismatches as { siteNormalised: string }[]).map((m) => m.siteNormalised).sort(),
    ).toEqual(["+74951112233", "boss@elsewhere.ru"]);
  });
  it("says review without a card", async () => {
    const page = await loadPage("nfr-good/index.html");
    expect(checkContacts({ url: page.url, pages: [page], crawled: false }).verdict).toBe("review");
  });
  it("says review when the site shows no contacts", () => {
    const page = pageFromHtml("<body><p>Привет</p></body>");
    expect(checkContacts({ url: page.url, pages: [page], crawled: false, card }).verdict).toBe("review");
  });
});
