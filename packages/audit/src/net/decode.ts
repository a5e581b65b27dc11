// HTML bytes → text by the declared charset (browser-safe: TextDecoder only).

/** Decodes an HTML body by the Content-Type charset or the page's <meta charset> (windows-1251 is common). */
export function decodeHtml(body: Uint8Array, contentType: string | undefined): string {
  let charset = /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1];
  if (!charset) {
    const head = new TextDecoder("latin1").decode(body.subarray(0, 2048));
    charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
