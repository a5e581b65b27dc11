import { describe, expect, it } from "vitest";
import { defaultCatalogue } from "../catalogue/default.ts";
import { canAddProjectOnLicense } from "./license-sites.ts";

describe("license sites", () => {
  it("R5.4i: one project per single-site license; more when the edition allows multisite", () => {
    expect(canAddProjectOnLicense(defaultCatalogue, "start", 0)).toBe(true);
    expect(canAddProjectOnLicense(defaultCatalogue, "start", 1)).toBe(false);
    const multisite = {
      ...defaultCatalogue,
      editions: { business: { id: "business", name: "Бизнес", priceRub: 72900, sites: 2 } },
    };
    expect(canAddProjectOnLicense(multisite, "business", 1)).toBe(true);
    expect(canAddProjectOnLicense(multisite, "business", 2)).toBe(false);
  });
});
