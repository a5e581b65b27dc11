import { describe, expect, it } from "vitest";
import { defaultCatalogue } from "../catalogue/default.ts";
import { RulesError } from "../errors.ts";
import { additionalPoints, jointShare, pointsForEdition, pointsForPrice } from "./main-points.ts";

describe("main points", () => {
  it("R5.2: rounds 5,900 RUB to 6 points and Business 72,900 RUB to 73", () => {
    expect(pointsForPrice(5900)).toBe(6);
    expect(pointsForPrice(72900)).toBe(73);
    expect(pointsForEdition(defaultCatalogue, "start")).toBe(6);
    expect(pointsForEdition(defaultCatalogue, "business")).toBe(73);
  });

  it("R5.2: rounds half up, not to even", () => {
    expect(pointsForPrice(499)).toBe(0);
    expect(pointsForPrice(500)).toBe(1);
    expect(pointsForPrice(1499)).toBe(1);
    expect(pointsForPrice(2500)).toBe(3);
    expect(pointsForPrice(0)).toBe(0);
  });

  it("R5.2: refuses negative prices and unknown editions", () => {
    expect(() => pointsForPrice(-1)).toThrow(RulesError);
    expect(() => pointsForEdition(defaultCatalogue, "enterprise")).toThrow(/unknown edition "enterprise"/);
  });

  it("R5.4d: joint points split equally; the odd point goes to the contract holder", () => {
    expect(jointShare(73, true)).toBe(37);
    expect(jointShare(73, false)).toBe(36);
    expect(jointShare(6, true)).toBe(3);
    expect(jointShare(6, false)).toBe(3);
    expect(jointShare(1, false)).toBe(0);
  });

  it("R5.3: additional points are a positive whole amount set by a moderator", () => {
    expect(additionalPoints(15)).toBe(15);
    expect(() => additionalPoints(0)).toThrow(RulesError);
    expect(() => additionalPoints(2.5)).toThrow(RulesError);
  });
});
