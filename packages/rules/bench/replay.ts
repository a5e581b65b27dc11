// Prints how long evaluatePartner takes for a partner with ~100 accruals (run: pnpm exec node bench/replay.ts).
import { addDays } from "../src/dates/civil-date.ts";
import { evaluatePartner } from "../src/partner/evaluate.ts";
import { emptyFacts } from "../src/partner/facts.ts";

const approvedOn = "2022-01-10";
const facts = {
  ...emptyFacts(approvedOn),
  accruals: Array.from({ length: 100 }, (_, i) => ({
    on: addDays(approvedOn, i * 11),
    points: 6 + (i % 7) * 11,
  })),
  qmCompletions: Array.from({ length: 10 }, (_, i) => addDays(approvedOn, 30 + i * 100)),
  employeeEvents: [
    { on: addDays(approvedOn, 5), type: "certificate" as const, employee: "a", course: "admin-basic" },
    { on: addDays(approvedOn, 5), type: "certificate" as const, employee: "b", course: "developer" },
  ],
};
const on = "2025-06-01";
const runs = 2000;
for (let i = 0; i < 200; i++) evaluatePartner(facts, on); // warm-up
const start = performance.now();
for (let i = 0; i < runs; i++) evaluatePartner(facts, on);
const perCall = (performance.now() - start) / runs;
console.log(`evaluatePartner, 100 accruals: ${(perCall * 1000).toFixed(1)} µs per call`);
