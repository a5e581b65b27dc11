// CSS values that hide content, read the same from declared (Node) and computed (browser) styles.

/** A text colour nobody can read: `transparent`, `#rrggbb00`/`#rgb0`, alpha 0 (`rgba(…, 0)`, `rgb(… / 0%)`, `oklch(… / 0)`). */
export const isTransparentColour = (value: string): boolean =>
  /^(transparent|#[\da-f]{6}00|#[\da-f]{3}0|\w+\(([^,]*,){3}[0.]+%?\)|.*\/[0.]+%?\))$/.test(
    value.replace(/\s+/g, ""),
  );

/** The arguments of `fn(…)`; none when the value is not that function. */
const args = (value: string, fn: string): string[] =>
  value.startsWith(`${fn}(`)
    ? value
        .slice(fn.length + 1, value.indexOf(")"))
        .trim()
        .split(/[\s,]+/)
    : [];

/** `clip: rect(…)` at most 1px wide or high — the usual "visually hidden" trick (applies when positioned). */
export function clipHides(value: string): boolean {
  const [top = 0, right = 9, bottom = 9, left = 0] = args(value, "rect").map(parseFloat);
  return right - left <= 1 || bottom - top <= 1;
}

/** `clip-path`: circle(0)/ellipse(0), or an inset() whose percentages remove the whole height or width. */
export function clipPathHides(value: string): boolean {
  if (/^(circle|ellipse)\(\s*0[^.\d]/.test(value)) return true;
  const [top = 0, right = top, bottom = top, left = right] = args(value, "inset").map((x) =>
    x.endsWith("%") ? parseFloat(x) : 0,
  );
  return top + bottom >= 100 || left + right >= 100;
}
