// "A partner's public status may have changed": status writes, terminations, card approvals and domain
// verifications announce it here; the signed-status cache (program/badges) drops the partner at once.
// Listeners are per database handle, so two apps in one process (tests) never see each other's events.
import type { Db } from "../../db/client.ts";

export type StatusListener = (partnerIds: readonly string[] | "all") => void;

const listeners = new WeakMap<object, Set<StatusListener>>();

export function onPartnerChanged(db: Db, listener: StatusListener): () => void {
  const set = listeners.get(db) ?? new Set<StatusListener>();
  listeners.set(db, set);
  set.add(listener);
  return () => set.delete(listener);
}

/** Call after the write is committed: the next status request sees the new facts. */
export function partnerChanged(db: Db, partnerIds: readonly string[] | "all"): void {
  for (const listener of listeners.get(db) ?? []) listener(partnerIds);
}
