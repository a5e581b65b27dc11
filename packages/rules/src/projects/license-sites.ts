// R5.4i: projects on one license key may not exceed the sites its edition allows.
import { editionOf } from "../catalogue/default.ts";
import type { Catalogue } from "../catalogue/types.ts";

export function canAddProjectOnLicense(
  catalogue: Catalogue,
  editionId: string,
  projectsOnKey: number,
): boolean {
  return projectsOnKey < editionOf(catalogue, editionId).sites;
}
