// The shapes of the admin-editable catalogues the rules read (prices, courses, requirements, competencies).
import type { CivilDate } from "../dates/civil-date.ts";

/** An edition of "Site Management": end-user price (R5.2) and sites per license (R5.4i). */
export type Edition = { id: string; name: string; priceRub: number; sites: number };

export type Course = { id: string; name: string };

/** Per course, how many attached employees must hold its certificate (R2.2, R2.3). */
export type CourseRequirement = Readonly<Record<string, number>>;

export type StatusRequirements = { certified: CourseRequirement; gold: CourseRequirement };

/** One condition of a competency (R4.1); all conditions of a competency must hold. */
export type CompetencyCondition =
  | { kind: "credited-projects"; min: number; projectType?: string; edition?: string }
  | { kind: "certified-employees"; min: number; courses: readonly string[] }
  | { kind: "qm-participant" };

export type CompetencyDefinition = {
  id: string;
  name: string;
  conditions: readonly CompetencyCondition[];
};

/** Non-working weekdays, and weekend days the government turned into working days. */
export type WorkCalendar = { holidays: readonly CivilDate[]; workingWeekends: readonly CivilDate[] };

export type Catalogue = {
  editions: Readonly<Record<string, Edition>>;
  courses: readonly Course[];
  requirements: StatusRequirements;
  competencies: readonly CompetencyDefinition[];
  /** R6.2b: at least one employee certified in one of these courses. */
  nfrCourses: readonly string[];
  calendar: WorkCalendar;
};
