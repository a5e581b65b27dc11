// R1.4a: the card logo upload — what is accepted, decided from the bytes, never from the declared type alone.
// SVG is refused: it is a document that can carry scripts and external references, and sanitising it
// safely needs a full XML sanitiser; partners can export a PNG or WebP.
import { createHash } from "node:crypto";
import { HTTPException } from "hono/http-exception";
import { imageSize } from "image-size";
import { validationError } from "../../errors/index.ts";

export const MAX_LOGO_BYTES = 1024 * 1024;
export const MIN_LOGO_SIDE = 16;
export const MAX_LOGO_SIDE = 4096;
export const logoTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof logoTypes)[number];

export type InspectedLogo = {
  contentType: LogoType;
  width: number;
  height: number;
  size: number;
  sha256: string;
};

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the magic bytes say, "svg" for an SVG document, or null. */
export function sniff(bytes: Uint8Array): LogoType | "svg" | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "svg";
  if (head.startsWith("<!doctype svg") || /^<!--[\s\S]*?-->\s*<svg/.test(head)) return "svg";
  return null;
}

const refuse = (message: string) => validationError([{ path: "file", message }]);

/**
 * Checks an uploaded logo: ≤ 1 MB (413), PNG / JPEG / WebP by its magic bytes, agreeing with the declared
 * type when one is given, readable dimensions within 16…4096 px a side (422 naming `file`).
 */
export function inspectLogo(bytes: Uint8Array, declared?: string | null): InspectedLogo {
  if (bytes.byteLength > MAX_LOGO_BYTES) throw logoTooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) throw refuse("Файл пуст. / The file is empty.");
  const type = sniff(bytes);
  if (type === "svg")
    throw refuse(
      "SVG не принимается: он может содержать скрипты; загрузите PNG, JPEG или WebP. / SVG is not accepted (it can carry scripts): upload PNG, JPEG or WebP.",
    );
  if (!type)
    throw refuse(
      "Это не PNG, JPEG или WebP (проверено по содержимому файла). / Not a PNG, JPEG or WebP image (checked from the file's content).",
    );
  const claimed = declared?.split(";")[0]?.trim().toLowerCase();
  if (
    claimed &&
    claimed !== "application/octet-stream" &&
    claimed !== type &&
    !(claimed === "image/jpg" && type === "image/jpeg")
  )
    throw refuse(
      `Файл — ${type}, а объявлен как ${claimed}. / The file is ${type} but was declared ${claimed}.`,
    );
  let width: number;
  let height: number;
  try {
    ({ width, height } = imageSize(bytes));
  } catch {
    throw refuse("Не удалось прочитать размеры изображения. / The image's dimensions cannot be read.");
  }
  const sides = (n: number) => Number.isInteger(n) && n >= MIN_LOGO_SIDE && n <= MAX_LOGO_SIDE;
  if (!sides(width) || !sides(height))
    throw refuse(
      `Размер ${width}×${height}: каждая сторона должна быть от ${MIN_LOGO_SIDE} до ${MAX_LOGO_SIDE} пикселей. / ${width}×${height}: each side must be ${MIN_LOGO_SIDE}–${MAX_LOGO_SIDE} px.`,
    );
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { contentType: type, width, height, size: bytes.byteLength, sha256 };
}

/** 413 (problem+json through the one mapping, as the audit reports' body limit does). */
export const logoTooLarge = (size?: number) =>
  new HTTPException(413, {
    message: `Логотип больше 1 МБ${size ? ` (${size} байт)` : ""}. / The logo is larger than 1 MB (${MAX_LOGO_BYTES} bytes)${size ? `: ${size} bytes` : ""}.`,
  });
