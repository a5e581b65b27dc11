// The demo partners: who they are and which facts make them meet Business, Certified or Gold.
/** Edition ids of the engine's default catalogue (R5.2), seeded into `editions`. */
export type EditionCode = "start" | "standard" | "small-business" | "business";

export type Target = "business" | "certified" | "gold";

export type ProjectPlan = { edition: EditionCode; daysAgo: number; qmDaysAgo?: number; composite?: boolean };

export type PartnerPlan = {
  slug: string;
  name: string;
  city: string;
  legalKind: "legal_entity" | "sole_proprietor" | "individual";
  target: Target;
  approvedDaysAgo: number;
  /** The main user's certificates (course ids). */
  mainCertificates: string[];
  /** Further attached employees, each with its certificates (R4C.1: counted per course). */
  employees: string[][];
  projects: ProjectPlan[];
  /** Renewal purchases (R5.2), credited automatically. */
  purchases: { edition: EditionCode; daysAgo: number }[];
};

/** Evenly spread days inside (from, to). */
const spread = (n: number, from: number, to: number) =>
  Array.from({ length: n }, (_, k) => Math.round(from + ((to - from) * (k + 0.5)) / n));

/**
 * Against the engine's default requirement table (R2.2, R2.3: Certified — 1 × admin-basic, 1 × developer;
 * Gold — 2 × admin-basic, 2 × developer, 1 × admin-business, and a QM completion within the year):
 * Gold: 7+ Business-edition projects within the last year (≥ 511 points) plus two QM completions
 * (73 each); employees cover Gold's table. Certified: 2 Business projects + Start projects (≥ 146,
 * < 500); an administrator and a developer. Business: a few Start projects (< 100). Each also has
 * older, expired accruals (366–730 days ago).
 */
function plan(
  i: number,
  target: Target,
  slug: string,
  name: string,
  city: string,
  legalKind: PartnerPlan["legalKind"] = "legal_entity",
): PartnerPlan {
  const older = spread(2 + i, 380, 720).map((daysAgo) => ({ edition: "standard" as const, daysAgo }));
  if (target === "gold") {
    const recent = spread(7 + i, 15, 340).map((daysAgo, k) => ({
      edition: "business" as const,
      daysAgo,
      composite: k % 2 === 0,
      ...(k < 2 ? { qmDaysAgo: Math.max(5, daysAgo - 10 - 20 * k) } : {}),
    }));
    return {
      slug,
      name,
      city,
      legalKind,
      target,
      approvedDaysAgo: 800 + 30 * i,
      mainCertificates: ["admin-basic"],
      employees: [
        ["developer"],
        ["admin-basic", "admin-business"],
        ["developer", "integration-1c"],
        ...(i % 2 ? [["content-manager"]] : []),
      ],
      projects: [...recent, ...older],
      purchases: spread(2, 30, 300).map((daysAgo) => ({ edition: "small-business" as const, daysAgo })),
    };
  }
  if (target === "certified") {
    const recent = [
      ...spread(2, 40, 300).map((daysAgo) => ({ edition: "business" as const, daysAgo })),
      ...spread(1 + i, 20, 330).map((daysAgo) => ({ edition: "start" as const, daysAgo })),
    ];
    return {
      slug,
      name,
      city,
      legalKind,
      target,
      approvedDaysAgo: 760 + 40 * i,
      mainCertificates: ["admin-basic"],
      employees: [["developer"], ["content-manager"]],
      projects: [...recent, ...older],
      purchases: [{ edition: "standard", daysAgo: 100 + 10 * i }],
    };
  }
  return {
    slug,
    name,
    city,
    legalKind,
    target,
    // Approved before its oldest (expired) accrual: the engine refuses facts before approval.
    approvedDaysAgo: 740 + 30 * i,
    mainCertificates: [],
    employees: i % 2 ? [["content-manager"]] : [],
    projects: [
      ...spread(1 + i, 20, 330).map((daysAgo) => ({ edition: "start" as const, daysAgo })),
      ...older,
    ],
    purchases: [],
  };
}

export const partnerPlans: PartnerPlan[] = [
  plan(0, "gold", "alfa", "Веб-студия Альфа", "Москва"),
  plan(1, "gold", "sever", "Север Софт", "Санкт-Петербург"),
  plan(2, "gold", "ural", "Урал Веб", "Екатеринбург"),
  plan(0, "certified", "beta", "Бета Студио", "Москва"),
  plan(1, "certified", "volga", "Волга Диджитал", "Казань"),
  plan(2, "certified", "sibir", "Сибирь Интеграция", "Новосибирск"),
  plan(0, "business", "gamma", "Гамма Веб", "Санкт-Петербург"),
  plan(1, "business", "delta", "ИП Дельтов Д. Д.", "Казань", "sole_proprietor"),
  plan(2, "business", "omega", "Омега Сайт", "Екатеринбург"),
];
