// The finding format every audit check returns (RULES.md: "Each finding: rule ID, pass / fail / needs review, the evidence").

export type AuditRule = "A1" | "A2" | "A3" | "A4" | "A5" | "A6" | "A7";
export type Verdict = "pass" | "fail" | "review";

/** Every human-readable text comes in Russian first, then English. */
export interface Message {
  ru: string;
  en: string;
}

export interface Evidence {
  url: string;
  selector?: string;
  excerpt?: string;
  header?: string;
}

export interface Finding {
  rule: AuditRule;
  verdict: Verdict;
  message: Message;
  evidence: Evidence[];
  /** Machine-readable facts for callers (e.g. A3's key label, A6's similarity, A2's mismatches). */
  details?: Record<string, unknown>;
}

export function msg(ru: string, en: string): Message {
  return { ru, en };
}

/** Worst verdict wins: fail > review > pass. */
export function worst(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("fail")) return "fail";
  if (verdicts.includes("review")) return "review";
  return "pass";
}

export function joinMessages(parts: readonly Message[], fallback: Message): Message {
  if (parts.length === 0) return fallback;
  return { ru: parts.map((p) => p.ru).join("; "), en: parts.map((p) => p.en).join("; ") };
}
