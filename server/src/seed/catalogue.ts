// Catalogue data the program needs on any database: editions (R5.2), courses (R4C), competencies (R4.1),
// the QM questionnaire (R5.5b) and the certified-employee requirement table (R2.2).

/** R5.2: Start = 5,900 RUB (6 points), Business = 72,900 RUB (73 points). */
export const editionData = [
  {
    code: "start",
    title: "1С-Битрикс: Управление сайтом — Старт",
    product: "site_management",
    priceRub: 5_900,
    sites: 1,
    rank: 1,
  },
  {
    code: "standard",
    title: "1С-Битрикс: Управление сайтом — Стандарт",
    product: "site_management",
    priceRub: 17_900,
    sites: 1,
    rank: 2,
  },
  {
    code: "small_business",
    title: "1С-Битрикс: Управление сайтом — Малый бизнес",
    product: "site_management",
    priceRub: 40_900,
    sites: 1,
    rank: 3,
  },
  {
    code: "business",
    title: "1С-Битрикс: Управление сайтом — Бизнес",
    product: "site_management",
    priceRub: 72_900,
    sites: 1,
    rank: 4,
  },
  {
    code: "b24_company",
    title: "Битрикс24 — Компания",
    product: "bitrix24",
    priceRub: 199_000,
    sites: 1,
    rank: 10,
  },
] as const;

export type EditionCode = (typeof editionData)[number]["code"];

export const courseData = [
  { code: "content-manager", title: "Контент-менеджер", kind: "course" },
  { code: "admin-basic", title: "Администратор. Базовый", kind: "course" },
  { code: "admin-modules", title: "Администратор. Модули", kind: "course" },
  { code: "developer", title: "Разработчик Bitrix Framework", kind: "course" },
  { code: "b24-integrator", title: "Интегратор Битрикс24", kind: "course" },
  { code: "dev-exam", title: "Экзамен: сертифицированный разработчик", kind: "developer_exam" },
] as const;

export type CourseCode = (typeof courseData)[number]["code"];

/** R2.2: certified employees each status needs (any course); data, editable by admins. */
export const requirementData = [
  { status: "certified", employees: 2 },
  { status: "gold", employees: 3 },
] as const;

/** R4.1: conditions are data evaluated by the rules engine. */
export const competencyData = [
  {
    code: "composite",
    titleRu: "Композитный сайт",
    titleEn: "Composite site",
    conditions: { compositeProjects: 3 },
  },
  {
    code: "qm_participant",
    titleRu: "Участник программы качества",
    titleEn: "Quality monitoring program participant",
    conditions: { qmCompletedWithinMonths: 12 },
  },
  {
    code: "integration_1c",
    titleRu: "Интеграция с 1С",
    titleEn: "Integration with 1C",
    conditions: { certifiedIn: ["developer"], employees: 1, creditedProjects: 3 },
  },
  { code: "php_hosting", titleRu: "PHP-хостинг", titleEn: "PHP hosting", conditions: { manual: true } },
  {
    code: "corporate",
    titleRu: "Крупные корпоративные внедрения",
    titleEn: "Large corporate implementations",
    conditions: { creditedProjectsOfEdition: "business", count: 5 },
  },
  {
    code: "sysadmin",
    titleRu: "Системное администрирование и эксплуатация",
    titleEn: "System administration and operation",
    conditions: { certifiedIn: ["admin-basic", "admin-modules"], employees: 2 },
  },
  {
    code: "medicine",
    titleRu: "Решения для медицины",
    titleEn: "Solutions for medicine",
    conditions: { manual: true },
  },
  {
    code: "government",
    titleRu: "Решения для госсектора",
    titleEn: "Solutions for government",
    conditions: { manual: true },
  },
] as const;

export const qmQuestionData = [
  { textRu: "Насколько вы довольны сайтом в целом?", textEn: "How satisfied are you with the site overall?" },
  { textRu: "Соблюдены ли сроки проекта?", textEn: "Was the project delivered on time?" },
  {
    textRu: "Насколько удобно работать в административной панели?",
    textEn: "How convenient is the admin panel?",
  },
  { textRu: "Порекомендуете ли вы партнёра?", textEn: "Would you recommend the partner?" },
] as const;
