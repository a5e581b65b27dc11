// Default course catalogue (R8, R4C) and the status requirement table (R2.2, R2.3).
import type { Course, StatusRequirements } from "./types.ts";

export const defaultCourses: readonly Course[] = [
  { id: "content-manager", name: "Контент-менеджер" },
  { id: "admin-basic", name: "Администратор. Базовый" },
  { id: "admin-modules", name: "Администратор. Модули" },
  { id: "admin-business", name: "Администратор. Бизнес" },
  { id: "developer", name: "Разработчик Bitrix Framework" },
  { id: "integration-1c", name: "Интеграция с 1С" },
  { id: "composite", name: "Композитный сайт" },
  { id: "bitrix-vm", name: "Виртуальная машина BitrixVM" },
];

/**
 * Plausible defaults, editable by admins: Certified needs one administrator and one developer;
 * Gold needs two of each plus one "Администратор. Бизнес" (R2.3 is cumulative with R2.2, see meets()).
 */
export const defaultRequirements: StatusRequirements = {
  certified: { "admin-basic": 1, developer: 1 },
  gold: { "admin-basic": 2, developer: 2, "admin-business": 1 },
};

/** R6.2b: "≥ 1 employee certified in the listed courses". */
export const defaultNfrCourses: readonly string[] = ["admin-basic", "developer", "content-manager"];
