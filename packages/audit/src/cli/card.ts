// Loads the partner card: from a --card JSON file, or from the server's public card API (--partner).
import { readFile } from "node:fs/promises";
import { type PartnerCard, PartnerCardSchema } from "../card.ts";

export class CardError extends Error {
  override name = "CardError";
}

function validate(data: unknown, source: string): PartnerCard {
  const result = PartnerCardSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new CardError(`invalid card in ${source}: ${issues}`);
  }
  return result.data;
}

export async function loadCardFile(path: string): Promise<PartnerCard> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new CardError(`cannot read card file ${path}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CardError(`card file ${path} is not JSON: ${(e as Error).message}`);
  }
  return validate(data, path);
}

export async function fetchPartnerCard(serverUrl: string, partnerId: string): Promise<PartnerCard> {
  const url = new URL(`/api/v1/public/partners/${encodeURIComponent(partnerId)}/card`, serverUrl).href;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new CardError(`cannot reach the Partner Trust server at ${url}: ${(e as Error).message}`);
  }
  if (res.status !== 200) throw new CardError(`the Partner Trust server answered ${res.status} for ${url}`);
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    throw new CardError(`the Partner Trust server's answer for ${url} is not JSON`);
  }
  return validate(data, url);
}
