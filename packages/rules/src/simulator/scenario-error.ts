// A scenario the simulator refuses, with every problem found (the CLI exits 2 with them).
import { RulesError } from "../errors.ts";

export class ScenarioError extends RulesError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super("invalid-scenario", problems.join("\n"));
    this.name = "ScenarioError";
    this.problems = problems;
  }
}
