// Demo cards (R1.4a, R1.4c): an uploaded PNG logo on every seeded approved card (so they stay publishable),
// and one pending change (Бета adds a phone and an office) waiting in the moderators' queue with its diff.
import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { and, eq, isNull } from "drizzle-orm";
import * as s from "../db/schema/index.ts";
import type { SeedContext } from "./context.ts";

/** A PNG of `width`×`height`: a frame of `rgb` around a light square — a small, real image. */
export function demoPng(
  width: number,
  height: number,
  rgb: [number, number, number],
): Uint8Array<ArrayBuffer> {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) {
      const inner = x > width / 4 && x < (3 * width) / 4 && y > height / 4 && y < (3 * height) / 4;
      rows.push(...(inner ? [245, 245, 245] : rgb));
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", new Uint8Array()),
  ]);
  return new Uint8Array(png); // its own ArrayBuffer (a Buffer may be a view into a shared pool)
}

const palette: [number, number, number][] = [
  [33, 150, 243],
  [76, 175, 80],
  [255, 152, 0],
  [156, 39, 176],
  [0, 150, 136],
  [233, 30, 99],
];

/** A demo logo row (R1.4a: the card holds an uploaded image), as an upload would store it. */
export function demoLogo(partnerId: string, n: number, at: Date, uploadedBy: string) {
  const bytes = demoPng(96, 96, palette[n % palette.length]!);
  return {
    id: crypto.randomUUID(),
    partnerId,
    contentType: "image/png" as const,
    bytes: Buffer.from(bytes),
    size: bytes.byteLength,
    width: 96,
    height: 96,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    uploadedBy,
    createdAt: at,
  };
}

/** Logos for approved cards seeded without one, and Бета's pending change. */
export async function seedCardDemo(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds } = ctx;
  const cards = await db
    .select()
    .from(s.cardVersions)
    .where(and(eq(s.cardVersions.state, "approved"), isNull(s.cardVersions.logoId)));
  for (const [i, card] of cards.entries()) {
    const logo = demoLogo(card.partnerId, i, card.submittedAt, accountIds.moderator);
    await db.insert(s.cardLogos).values(logo);
    await db.update(s.cardVersions).set({ logoId: logo.id }).where(eq(s.cardVersions.id, card.id));
  }
  const [approved] = await db
    .select()
    .from(s.cardVersions)
    .where(and(eq(s.cardVersions.partnerId, partnerIds.beta ?? "-"), eq(s.cardVersions.state, "approved")));
  if (!approved) return;
  const {
    id: _id,
    version,
    state: _state,
    reviewedAt: _r,
    reviewedBy: _b,
    reviewNote: _n,
    ...fields
  } = approved;
  await db.insert(s.cardVersions).values({
    ...fields,
    version: version + 1,
    state: "pending",
    phones: [...fields.phones, "+78002501860"],
    addresses: [...fields.addresses, `${fields.city}, пр. Мира, 10, офис 5`],
    submittedAt: now,
  });
}
