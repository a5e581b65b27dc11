import { describe, expect, it } from "vitest";
import { clipHides, clipPathHides, isTransparentColour } from "./values.ts";

// Declared values (the static strategy) and Chromium's computed serialisations (the browser strategy).
describe("CSS values that hide (shared by both strategies)", () => {
  it.each([
    ["transparent", true],
    ["rgba(0, 0, 0, 0)", true],
    ["rgb(0 0 0 / 0)", true],
    ["hsla(0, 0%, 0%, 0.0)", true],
    ["oklch(0.5 0.1 20 / 0%)", true],
    ["#11223300", true],
    ["#1230", true],
    ["rgb(255, 255, 0)", false],
    ["rgba(0, 0, 0, 0.5)", false],
    ["rgb(0 0 0 / 0.05)", false],
    ["#112233", false],
  ])("transparent colour %s → %s", (value, hides) => {
    expect(isTransparentColour(value)).toBe(hides);
  });
  it.each([
    ["rect(0 0 0 0)", true],
    ["rect(0px, 0px, 0px, 0px)", true],
    ["rect(1px, 1px, 1px, 1px)", true],
    ["rect(1px 1px 1px 1px)", true],
    ["rect(0px, 200px, 100px, 0px)", false],
    ["auto", false],
  ])("clip %s → %s", (value, hides) => {
    expect(clipHides(value)).toBe(hides);
  });
  it.each([
    ["inset(50%)", true],
    ["inset(100%)", true],
    ["inset(0px 0px 100%)", true],
    ["inset(0 0 100% 0)", true],
    ["inset(0 60% 0 40%)", true],
    ["circle(0)", true],
    ["circle(0px at 50% 50%)", true],
    ["ellipse(0px 10px)", true],
    ["inset(10%)", false],
    ["circle(50%)", false],
    ["none", false],
  ])("clip-path %s → %s", (value, hides) => {
    expect(clipPathHides(value)).toBe(hides);
  });
});
