// The shared status store: one request per (server, partner) for every widget on the page, refreshed before
// the token expires and dropped to "can't verify" at expiry, so a lapsed status never lingers.
import { CLOCK_SKEW_S } from "./token.ts";
import { type Verdict, verifyStatus } from "./verify.ts";

export type Listener = (verdict: Verdict | undefined) => void;

interface Entry {
  server: string;
  partner: string;
  verdict?: Verdict;
  listeners: Set<Listener>;
  refresh?: ReturnType<typeof setTimeout>;
  expiry?: ReturnType<typeof setTimeout>;
}

const entries = new Map<string, Entry>();
/** Retry after a failure (server down, timeout…), in ms. */
const RETRY_MS = 30_000;

function set(entry: Entry, verdict: Verdict): void {
  entry.verdict = verdict;
  for (const l of entry.listeners) l(verdict);
}

/** When to re-verify a token that expires in `remainingMs`: 30 s before expiry, or at 80% of a short life. */
export function refreshDelay(remainingMs: number): number {
  return Math.max(1000, remainingMs - Math.min(30_000, remainingMs * 0.2));
}

async function load(entry: Entry): Promise<void> {
  clearTimeout(entry.refresh);
  const verdict = await verifyStatus(entry.server, entry.partner);
  if (entries.get(key(entry.server, entry.partner)) !== entry) return;
  set(entry, verdict);
  clearTimeout(entry.expiry);
  const exp = "exp" in verdict && verdict.exp;
  if (exp) {
    const remaining = exp * 1000 - Date.now();
    entry.refresh = setTimeout(() => void load(entry), refreshDelay(remaining));
    entry.expiry = setTimeout(
      () => set(entry, { state: "failed", reason: "expired" }),
      Math.max(0, remaining + CLOCK_SKEW_S * 1000),
    );
  } else if (verdict.state === "failed") entry.refresh = setTimeout(() => void load(entry), RETRY_MS);
}

// A server base never holds a space (it is a parsed URL), so this key is unambiguous.
const key = (server: string, partner: string) => `${server} ${partner}`;

/** Calls `listener` with the current verdict (undefined while loading) and every change; returns unsubscribe. */
export function watchStatus(server: string, partner: string, listener: Listener): () => void {
  const k = key(server, partner);
  let entry = entries.get(k);
  if (!entry) {
    entry = { server, partner, listeners: new Set() };
    entries.set(k, entry);
    void load(entry);
  }
  const e = entry;
  e.listeners.add(listener);
  listener(e.verdict);
  return () => {
    e.listeners.delete(listener);
    if (e.listeners.size === 0) {
      clearTimeout(e.refresh);
      clearTimeout(e.expiry);
      entries.delete(k);
    }
  };
}
