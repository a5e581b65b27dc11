// A finding's screenshot: the visible tab captured, cropped to the element's box (with a margin).
import type { ElementBox } from "./messaging.ts";

export function cropBox(box: ElementBox, image: { width: number; height: number }, margin = 8) {
  const s = box.devicePixelRatio;
  const x = Math.max(0, Math.floor((box.rect.x - margin) * s));
  const y = Math.max(0, Math.floor((box.rect.y - margin) * s));
  const right = Math.min(image.width, Math.ceil((box.rect.x + box.rect.width + margin) * s));
  const bottom = Math.min(image.height, Math.ceil((box.rect.y + box.rect.height + margin) * s));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** Crops a captured PNG data URL to the element; JPEG keeps the report small. */
export async function cropCapture(dataUrl: string, box: ElementBox): Promise<string> {
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const c = cropBox(box, bitmap);
  const canvas = new OffscreenCanvas(c.width, c.height);
  canvas.getContext("2d")!.drawImage(bitmap, c.x, c.y, c.width, c.height, 0, 0, c.width, c.height);
  const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.8 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/jpeg;base64,${btoa(binary)}`;
}
