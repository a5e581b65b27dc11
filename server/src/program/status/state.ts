// The partner's stored status columns ↔ the engine's StatusState.
import type { StatusState } from "@partner-trust/rules";
import type { PartnerStatus } from "../../db/schema/index.ts";

export type StatusColumns = { status: PartnerStatus; statusSince: string; statusUntil: string | null };

export const stateOf = (row: StatusColumns): StatusState => ({
  status: row.status,
  since: row.statusSince,
  until: row.statusUntil,
});
