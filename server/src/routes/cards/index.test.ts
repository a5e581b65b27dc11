import { and, eq, like } from "drizzle-orm";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { demoPng } from "../../seed/cards.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { jsonInit, seededDemo, signInDemo } from "../../test/http.ts";

describe("card versions (R1.4a–c)", () => {
  let h: Harness;
  let alfaId: string;
  let partner: string;
  let moderator: string;
  beforeAll(async () => {
    h = await createHarness();
    ({ alfaId, partner, moderator } = await seededDemo(h));
  });
  afterAll(() => h.close());

  const widgetName = async () => {
    const { token } = await body(await h.app.request(`/api/v1/public/partners/${alfaId}/status`));
    return (decodeJwt(token).partner as { name: string }).name;
  };
  const directoryNames = async () =>
    (await body(await h.app.request("/api/v1/public/partners?limit=100"))).items.map(
      (i: { name: string }) => i.name,
    );
  const publicName = async () =>
    (await body(await h.app.request(`/api/v1/public/partners/${alfaId}/card`))).name as string;

  it("R1.4c: edit → pending, the public card keeps the approved name; approve → new name, diff, versions kept", async () => {
    const current = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/card`, { headers: { cookie: partner } }),
    );
    expect(current.approved.name).toBe("Веб-студия Альфа");
    expect(current.pending).toBeNull();

    const edit = { ...current.approved, name: "Альфа Диджитал" };
    for (const k of [
      "id",
      "version",
      "state",
      "logoId",
      "logoUrl",
      "submittedAt",
      "reviewedAt",
      "reviewNote",
      "publishable",
      "missing",
    ])
      delete edit[k];
    const put = await h.app.request(`/api/v1/partners/${alfaId}/card`, jsonInit("PUT", partner, edit));
    expect(put.status).toBe(202);
    const pending = await body(put);
    expect(pending.state).toBe("pending");
    expect(await publicName()).toBe("Веб-студия Альфа");
    expect(await widgetName()).toBe("Веб-студия Альфа");
    expect(await directoryNames()).toContain("Веб-студия Альфа");

    const queue = await body(
      await h.app.request("/api/v1/moderation/card-changes", { headers: { cookie: moderator } }),
    );
    const item = queue.items.find((i: { version: { id: string } }) => i.version.id === pending.id);
    expect(item.diff).toEqual([{ field: "name", old: "Веб-студия Альфа", new: "Альфа Диджитал" }]);

    const ok = await h.app.request(
      `/api/v1/moderation/card-changes/${pending.id}/approve`,
      jsonInit("POST", moderator, { note: "ок" }),
    );
    expect(ok.status).toBe(200);
    expect(await publicName()).toBe("Альфа Диджитал");
    expect(await widgetName()).toBe("Альфа Диджитал");
    expect(await directoryNames()).toContain("Альфа Диджитал");
    const again = await h.app.request(
      `/api/v1/moderation/card-changes/${pending.id}/reject`,
      jsonInit("POST", moderator, {}),
    );
    expect(again.status).toBe(409);

    const versions = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/card/versions`, { headers: { cookie: moderator } }),
    );
    const states = versions.items.map((v: { state: string }) => v.state);
    expect(states.at(-1)).toBe("approved");
    expect(states).toContain("superseded");
    const [log] = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, pending.id));
    expect(log?.action).toBe("card.approve");
  });

  it("R1.4a, R1.4c: reject keeps the approved version and stays readable; publication lists the missing fields", async () => {
    const put = await h.app.request(
      `/api/v1/partners/${alfaId}/card`,
      jsonInit("PUT", partner, { name: "Без описания", city: "Москва", publishOnSite: true }),
    );
    const pending = await body(put);
    expect(pending.publishable).toBe(false);
    // R1.4a: the logo is kept from the card being edited; the rest is missing.
    expect(pending.missing).toEqual(["description", "phones", "addresses", "website"]);
    const before = await publicName();
    const res = await h.app.request(
      `/api/v1/moderation/card-changes/${pending.id}/reject`,
      jsonInit("POST", moderator, { note: "нет описания" }),
    );
    expect((await body(res)).state).toBe("rejected");
    expect(await publicName()).toBe(before);
    const versions = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/card/versions`, { headers: { cookie: partner } }),
    );
    expect(versions.items.find((v: { id: string }) => v.id === pending.id).reviewNote).toBe("нет описания");
  });

  it("limited users and partners' staff-only routes: 403; bad body: 422 naming the field", async () => {
    const limited = await signInDemo(h, "employee");
    const res = await h.app.request(
      `/api/v1/partners/${alfaId}/card`,
      jsonInit("PUT", limited, { name: "x", city: "y" }),
    );
    expect(res.status).toBe(403);
    const queue = await h.app.request("/api/v1/moderation/card-changes", { headers: { cookie: partner } });
    expect(queue.status).toBe(403);
    const bad = await h.app.request(
      `/api/v1/partners/${alfaId}/card`,
      jsonInit("PUT", partner, { name: "x", city: "y", website: "not a url" }),
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await body(bad))).toContain("website");
  });

  it("R1.4a: phones normalised to E.164, e-mails, addresses, portal; invalid ones are 422 naming the item", async () => {
    const base = { name: "Веб-студия Альфа", city: "Москва" };
    const put = await h.app.request(
      `/api/v1/partners/${alfaId}/card`,
      jsonInit("PUT", partner, {
        ...base,
        phones: ["8 (495) 229-14-41", "+7 900 000-00-00", "+7 (495) 229 14 41"],
        emails: ["Sales@Alfa-Web.ru", "info@alfa-web.ru"],
        addresses: ["Москва, ул. Примерная, 1", "Москва, пр. Мира, 5"],
        bitrix24Portal: "https://Alfa.Bitrix24.RU/",
        leadsEmail: "leads@alfa-web.ru",
      }),
    );
    expect(put.status).toBe(202);
    const v = await body(put);
    expect(v.phones).toEqual(["+74952291441", "+79000000000"]);
    expect(v.emails).toEqual(["sales@alfa-web.ru", "info@alfa-web.ru"]);
    expect(v.addresses).toHaveLength(2);
    expect(v.bitrix24Portal).toBe("alfa.bitrix24.ru");
    const queue = await body(
      await h.app.request("/api/v1/moderation/card-changes", { headers: { cookie: moderator } }),
    );
    const diff = queue.items.find((i: { version: { id: string } }) => i.version.id === v.id).diff;
    expect(diff).toContainEqual({
      field: "phones",
      old: ["+79000000000"],
      new: ["+74952291441", "+79000000000"],
    });

    for (const [field, value, path] of [
      ["phones", ["+44 20 7946 0958"], "phones.0"],
      ["phones", ["+7 495 229-14-41", "12"], "phones.1"],
      ["emails", ["not-an-email"], "emails.0"],
      ["addresses", ["   "], "addresses.0"],
      ["bitrix24Portal", "alfa-web.ru", "bitrix24Portal"],
      ["leadsEmail", "leads", "leadsEmail"],
    ] as const) {
      const bad = await h.app.request(
        `/api/v1/partners/${alfaId}/card`,
        jsonInit("PUT", partner, { ...base, [field]: value }),
      );
      expect(bad.status, `${field}`).toBe(422);
      expect(bad.headers.get("content-type")).toBe("application/problem+json");
      expect((await body(bad)).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it("R6.3a: an approved portal change becomes the partner's portal", async () => {
    const current = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/card`, { headers: { cookie: partner } }),
    );
    const src = current.pending ?? current.approved;
    const put = await body(
      await h.app.request(
        `/api/v1/partners/${alfaId}/card`,
        jsonInit("PUT", partner, {
          name: src.name,
          city: src.city,
          bitrix24Portal: "alfa-studio.bitrix24.ru",
        }),
      ),
    );
    await h.app.request(`/api/v1/moderation/card-changes/${put.id}/approve`, jsonInit("POST", moderator, {}));
    const [row] = await h.db.select().from(s.partners).where(eq(s.partners.id, alfaId));
    expect(row?.bitrix24Portal).toBe("alfa-studio.bitrix24.ru");
  });

  it("R6.3a: the approved portal is switched to NFR automatically, once — a later portal change keeps the NFR", async () => {
    const bitrix24Nfr = () =>
      h.db
        .select()
        .from(s.nfrLicenses)
        .where(and(eq(s.nfrLicenses.partnerId, alfaId), eq(s.nfrLicenses.kind, "bitrix24")));
    // The demo: Альфа's card portal is on NFR; revoked here so that a new portal may be switched.
    expect((await bitrix24Nfr()).map((l) => l.portalDomain)).toEqual(["alfa.bitrix24.ru"]);
    await h.db
      .update(s.nfrLicenses)
      .set({ state: "revoked" })
      .where(eq(s.nfrLicenses.portalDomain, "alfa.bitrix24.ru"));
    const changePortal = async (portal: string) => {
      const src = (
        await body(await h.app.request(`/api/v1/partners/${alfaId}/card`, { headers: { cookie: partner } }))
      ).approved;
      const put = await body(
        await h.app.request(
          `/api/v1/partners/${alfaId}/card`,
          jsonInit("PUT", partner, { name: src.name, city: src.city, bitrix24Portal: portal }),
        ),
      );
      const approved = await h.app.request(
        `/api/v1/moderation/card-changes/${put.id}/approve`,
        jsonInit("POST", moderator, {}),
      );
      expect(approved.status).toBe(200);
    };
    await changePortal("alfa-new.bitrix24.ru");
    const live = async () => (await bitrix24Nfr()).filter((l) => l.state !== "revoked");
    expect(await live()).toMatchObject([
      { portalDomain: "alfa-new.bitrix24.ru", state: "active", plan: "company" },
    ]);
    const mails = await h.db
      .select()
      .from(s.emailOutbox)
      .where(like(s.emailOutbox.subject, "%alfa-new.bitrix24.ru%"));
    expect(mails).toHaveLength(1);
    await changePortal("alfa-third.bitrix24.ru");
    expect(await live()).toMatchObject([{ portalDomain: "alfa-new.bitrix24.ru" }]); // one per partner (R6.3a)
  });
});

describe("card logo upload (R1.4a)", () => {
  let h: Harness;
  let alfaId: string;
  let partner: string;
  let moderator: string;
  beforeAll(async () => {
    h = await createHarness();
    ({ alfaId, partner, moderator } = await seededDemo(h));
  });
  afterAll(() => h.close());

  const upload = (bytes: Uint8Array<ArrayBuffer>, type: string, cookie = partner) =>
    h.app.request(`/api/v1/partners/${alfaId}/card/logo`, {
      method: "PUT",
      headers: { cookie, "content-type": type },
      body: bytes,
    });
  const multipart = (bytes: Uint8Array<ArrayBuffer>, type: string, field = "file") => {
    const form = new FormData();
    form.append(field, new File([bytes], "logo", { type }));
    return h.app.request(`/api/v1/partners/${alfaId}/card/logo`, {
      method: "PUT",
      headers: { cookie: partner },
      body: form,
    });
  };
  const problemOf = async (res: Response) => {
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    return body(res);
  };

  it("R1.4c: a raw PNG becomes a pending version; the public logo stays the approved one until approval (ETag, nosniff)", async () => {
    const before = await h.app.request(`/api/v1/public/partners/${alfaId}/logo`);
    expect(before.status).toBe(200);
    const oldEtag = before.headers.get("etag");
    const png = demoPng(120, 60, [10, 20, 30]);
    const res = await upload(png, "image/png");
    expect(res.status).toBe(201);
    const v = await body(res);
    expect(v.state).toBe("pending");
    expect(v.name).toBe("Веб-студия Альфа");
    const own = await h.app.request(v.logoUrl, { headers: { cookie: moderator } });
    expect(own.status).toBe(200);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(png);

    const still = await h.app.request(`/api/v1/public/partners/${alfaId}/logo`);
    expect(still.headers.get("etag")).toBe(oldEtag);
    await h.app.request(`/api/v1/moderation/card-changes/${v.id}/approve`, jsonInit("POST", moderator, {}));
    const after = await h.app.request(`/api/v1/public/partners/${alfaId}/logo`);
    expect(after.status).toBe(200);
    expect(after.headers.get("content-type")).toBe("image/png");
    expect(after.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = after.headers.get("etag");
    expect(etag).not.toBe(oldEtag);
    expect(new Uint8Array(await after.arrayBuffer())).toEqual(png);
    const cached = await h.app.request(`/api/v1/public/partners/${alfaId}/logo`, {
      headers: { "if-none-match": etag! },
    });
    expect(cached.status).toBe(304);
    // The directory points at the public logo.
    const dir = await body(await h.app.request("/api/v1/public/partners?limit=100"));
    expect(dir.items.find((i: { id: string }) => i.id === alfaId).logoUrl).toBe(
      `/api/v1/public/partners/${alfaId}/logo`,
    );
  });

  it("R1.4a: multipart `file` works; the type comes from the bytes, not the header", async () => {
    const png = demoPng(32, 32, [200, 0, 0]);
    expect((await multipart(png, "image/png")).status).toBe(201);
    expect((await multipart(png, "application/octet-stream")).status).toBe(201);
    const lying = await upload(png, "image/jpeg");
    expect(lying.status).toBe(422);
    expect((await problemOf(lying)).errors[0].path).toBe("file");
    const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");
    expect((await upload(gif, "image/png")).status).toBe(422);
    const noFile = await multipart(png, "image/png", "other");
    expect(noFile.status).toBe(422);
    expect((await problemOf(noFile)).errors[0].path).toBe("file");
    expect((await upload(png, "text/plain")).status).toBe(422);
  });

  it("R1.4a: JPEG and WebP are recognised from their bytes and served with their own type", async () => {
    // The smallest headers that carry dimensions: JPEG with a SOF0 segment, WebP with a VP8X chunk.
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
      0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x40, 0x00, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02,
      0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
    ]);
    const webp = new Uint8Array([
      ...new TextEncoder().encode("RIFF"),
      0x16,
      0x00,
      0x00,
      0x00,
      ...new TextEncoder().encode("WEBPVP8X"),
      0x0a,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x3f,
      0x00,
      0x00,
      0x1f,
      0x00,
      0x00,
    ]);
    for (const [bytes, type] of [
      [jpeg, "image/jpeg"],
      [webp, "image/webp"],
    ] as const) {
      const res = await upload(bytes, type);
      expect(res.status, type).toBe(201);
      const v = await body(res);
      const served = await h.app.request(v.logoUrl, { headers: { cookie: partner } });
      expect(served.headers.get("content-type")).toBe(type);
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const [stored] = await h.db.select().from(s.cardLogos).where(eq(s.cardLogos.contentType, "image/jpeg"));
    expect(stored).toMatchObject({ width: 128, height: 64, size: jpeg.byteLength });
  });

  it("R1.4a: SVG is refused (it can carry scripts), whatever it is declared as", async () => {
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    for (const type of ["image/svg+xml", "image/png"]) {
      const res = await upload(svg, type);
      expect(res.status).toBe(422);
      expect((await problemOf(res)).errors[0].message).toContain("SVG");
    }
  });

  it("R1.4a: over 1 MB is 413; dimensions outside 16–4096 px are 422 naming file", async () => {
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(demoPng(32, 32, [0, 0, 0]));
    const tooBig = await upload(big, "image/png");
    expect(tooBig.status).toBe(413);
    expect((await problemOf(tooBig)).detail).toContain("1 MB");
    const tiny = await upload(demoPng(8, 8, [0, 0, 0]), "image/png");
    expect(tiny.status).toBe(422);
    expect((await problemOf(tiny)).errors[0].message).toContain("8×8");
    const corrupt = demoPng(32, 32, [0, 0, 0]).slice(0, 12);
    expect((await upload(corrupt, "image/png")).status).toBe(422);
  });

  it("R4E.4: limited users may not upload; the public logo of an unknown partner is 404", async () => {
    const limited = await signInDemo(h, "employee");
    expect((await upload(demoPng(32, 32, [0, 0, 0]), "image/png", limited)).status).toBe(403);
    expect((await h.app.request("/api/v1/public/partners/nope/logo")).status).toBe(404);
  });
});
