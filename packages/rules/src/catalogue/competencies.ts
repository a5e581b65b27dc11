// The eight competencies of R4.1 with their conditions as data.
import type { CompetencyDefinition } from "./types.ts";

export const defaultCompetencies: readonly CompetencyDefinition[] = [
  {
    id: "composite-site",
    name: "Композитный сайт",
    conditions: [
      { kind: "credited-projects", projectType: "composite", min: 1 },
      { kind: "certified-employees", courses: ["composite"], min: 1 },
    ],
  },
  // R4.1: follows the R2.3 decision (a QM completion within the last 12 months).
  { id: "qm-participant", name: "Участник программы качества", conditions: [{ kind: "qm-participant" }] },
  {
    id: "integration-1c",
    name: "Интеграция с 1С",
    conditions: [
      { kind: "credited-projects", projectType: "integration-1c", min: 2 },
      { kind: "certified-employees", courses: ["integration-1c"], min: 1 },
    ],
  },
  {
    id: "php-hosting",
    name: "PHP-хостинг",
    conditions: [{ kind: "certified-employees", courses: ["bitrix-vm"], min: 2 }],
  },
  {
    id: "large-corporate",
    name: "Крупные корпоративные внедрения",
    conditions: [
      { kind: "credited-projects", edition: "business", min: 3 },
      { kind: "certified-employees", courses: ["developer"], min: 3 },
    ],
  },
  {
    id: "system-administration",
    name: "Системное администрирование и эксплуатация",
    conditions: [{ kind: "certified-employees", courses: ["admin-basic", "bitrix-vm"], min: 2 }],
  },
  {
    id: "medicine",
    name: "Решения для медицины",
    conditions: [{ kind: "credited-projects", projectType: "medicine", min: 2 }],
  },
  {
    id: "government",
    name: "Решения для госсектора",
    conditions: [{ kind: "credited-projects", projectType: "government", min: 2 }],
  },
];
