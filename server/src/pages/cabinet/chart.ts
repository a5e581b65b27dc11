// R5.6: active points over time as an inline SVG, drawn on the server — the last year as it was, the next
// year as it will be with no new points (accruals expire a year after their day), with the 100 (Certified)
// and 500 (Gold) thresholds of R5.1.
import { type Accrual, activePoints, addDays, type CivilDate, daysBetween } from "@partner-trust/rules";
import { html } from "hono/html";
import { ruDate } from "../layout.ts";

const W = 720;
const H = 260;
const PAD = { left: 44, right: 40, top: 16, bottom: 30 };

/** Day-by-day active points from `from` to `to`, as the days where the total changes. */
export function pointSeries(accruals: readonly Accrual[], from: CivilDate, to: CivilDate) {
  const steps: { on: CivilDate; points: number }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const points = activePoints(accruals, day);
    if (steps.at(-1)?.points !== points) steps.push({ on: day, points });
  }
  return steps;
}

export function pointsChart(accruals: readonly Accrual[], today: CivilDate, anniversary: CivilDate | null) {
  const from = addDays(today, -365);
  const to = addDays(today, 365);
  const steps = pointSeries(accruals, from, to);
  const max = Math.max(600, ...steps.map((s) => s.points)) * 1.05;
  const span = daysBetween(from, to);
  const x = (day: CivilDate) => PAD.left + ((W - PAD.left - PAD.right) * daysBetween(from, day)) / span;
  const y = (points: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * points) / max;
  const f = (n: number) => n.toFixed(1);
  // A step line: the total holds until the next day it changes.
  const path = (part: typeof steps, end: CivilDate) => {
    if (!part[0]) return "";
    let d = `M${f(x(part[0].on))},${f(y(part[0].points))}`;
    for (const s of part.slice(1)) d += `H${f(x(s.on))}V${f(y(s.points))}`;
    return `${d}H${f(x(end))}`;
  };
  const now = activePoints(accruals, today);
  const past = steps.filter((s) => s.on <= today);
  const future = [{ on: today, points: now }, ...steps.filter((s) => s.on > today)];
  const inYear = activePoints(accruals, to);
  const ticks = [from, addDays(today, -182), today, addDays(today, 182), to];
  const threshold = (points: number, label: string) =>
    html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(points).toFixed(1)}" y2="${y(points).toFixed(1)}" stroke="#8a6100" stroke-dasharray="4 4"/>
      <text x="${PAD.left + 4}" y="${(y(points) - 4).toFixed(1)}">${label}</text>`;
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-t chart-d">
    <title id="chart-t">Активные баллы за год и прогноз на год / Active points, the last year and the next</title>
    <desc id="chart-d">Сегодня ${now} активных баллов; без новых баллов через год останется ${inYear}. Today ${now} active points; with no new points, ${inYear} in a year.</desc>
    <line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#6e7781"/>
    <line x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}" stroke="#6e7781"/>
    ${[0, 100, 500].map((p) => html`<text x="${PAD.left - 6}" y="${(y(p) + 4).toFixed(1)}" text-anchor="end">${p}</text>`)}
    ${threshold(100, "Certified 100")}${threshold(500, "Gold 500")}
    ${ticks.map((d) => html`<text x="${x(d).toFixed(1)}" y="${H - 10}" text-anchor="middle">${ruDate(d)}</text>`)}
    <line x1="${x(today).toFixed(1)}" x2="${x(today).toFixed(1)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#1b1f24"/>
    <text x="${(x(today) + 4).toFixed(1)}" y="${PAD.top + 10}">сегодня / today</text>
    ${
      anniversary && anniversary <= to
        ? html`<line x1="${x(anniversary).toFixed(1)}" x2="${x(anniversary).toFixed(1)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#a41d14" stroke-dasharray="2 3"/>
          <text x="${(x(anniversary) - 4).toFixed(1)}" y="${PAD.top + 24}" text-anchor="end" fill="#a41d14">${ruDate(anniversary)}</text>`
        : ""
    }
    <path d="${path(past, today)}" fill="none" stroke="#0b5cad" stroke-width="2.5"/>
    <path d="${path(future, to)}" fill="none" stroke="#0b5cad" stroke-width="2" stroke-dasharray="6 4"/>
  </svg>`;
}
