// The default catalogue: what the engine uses when the caller passes none.

import { RulesError } from "../errors.ts";
import { defaultCompetencies } from "./competencies.ts";
import { defaultCourses, defaultNfrCourses, defaultRequirements } from "./courses.ts";
import { defaultEditions } from "./editions.ts";
import { russianCalendar } from "./holidays.ts";
import type { Catalogue, Edition } from "./types.ts";

export const defaultCatalogue: Catalogue = {
  editions: defaultEditions,
  courses: defaultCourses,
  requirements: defaultRequirements,
  competencies: defaultCompetencies,
  nfrCourses: defaultNfrCourses,
  calendar: russianCalendar,
};

/** Looks an edition up; an unknown id is refused, never guessed. */
export function editionOf(catalogue: Catalogue, id: string): Edition {
  const edition = Object.hasOwn(catalogue.editions, id) ? catalogue.editions[id] : undefined;
  if (!edition) {
    const known = Object.keys(catalogue.editions).join(", ");
    throw new RulesError("unknown-edition", `unknown edition "${id}" (the catalogue has: ${known})`);
  }
  return edition;
}
