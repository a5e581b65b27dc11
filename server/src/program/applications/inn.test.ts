import { describe, expect, it } from "vitest";
import { innProblem, isValidInn } from "./inn.ts";

describe("isValidInn", () => {
  it("accepts real-format valid 10-digit INNs", () => {
    // Sberbank, Yandex LLC, 1C LLC
    for (const inn of ["7707083893", "7736207543", "7709860400"]) expect(isValidInn(inn)).toBe(true);
  });
  it("accepts a valid 12-digit INN", () => {
    expect(isValidInn("500100732259")).toBe(true);
  });
  it("rejects wrong check digits", () => {
    expect(isValidInn("7707083894")).toBe(false);
    expect(isValidInn("500100732258")).toBe(false);
    expect(isValidInn("500100732269")).toBe(false);
  });
  it("rejects wrong length and non-digits", () => {
    for (const inn of ["", "770708389", "77070838930", "77070838a3", "1234567890123"]) {
      expect(isValidInn(inn)).toBe(false);
    }
  });
});

describe("innProblem", () => {
  it("requires 10 digits for a legal entity and 12 otherwise", () => {
    expect(innProblem("legal_entity", "7707083893")).toBeNull();
    expect(innProblem("legal_entity", "500100732259")).toMatch(/10/);
    expect(innProblem("sole_proprietor", "500100732259")).toBeNull();
    expect(innProblem("individual", "7707083893")).toMatch(/12/);
  });
  it("names a bad checksum in Russian then English", () => {
    expect(innProblem("legal_entity", "7707083894")).toMatch(/^Неверная .* \/ INN checksum/);
  });
});
