// Typed errors of the rules engine: every refusal carries a machine-readable code.

export type RulesErrorCode =
  | "invalid-date"
  | "invalid-amount"
  | "unknown-edition"
  | "unknown-competency"
  | "invalid-facts"
  | "invalid-scenario";

export class RulesError extends Error {
  readonly code: RulesErrorCode;

  constructor(code: RulesErrorCode, message: string) {
    super(message);
    this.name = "RulesError";
    this.code = code;
  }
}
