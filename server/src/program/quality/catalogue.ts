// R5.5a: the quality monitor's mandatory tests — data (the qm_tests table, editable by admins), seeded from here.
import { count } from "drizzle-orm";
import type { Writer } from "../../db/client.ts";
import { qmTests } from "../../db/schema/index.ts";

/** The tests of the product's quality monitor that must pass (or be overridden with an explanation). */
export const qmTestData = [
  {
    code: "security",
    titleRu: "Проактивная защита и обновления безопасности",
    titleEn: "Proactive protection and security updates",
  },
  { code: "performance", titleRu: "Производительность и кеширование", titleEn: "Performance and caching" },
  { code: "backup", titleRu: "Резервное копирование настроено", titleEn: "Backups are configured" },
  {
    code: "license",
    titleRu: "Лицензия активирована и зарегистрирована на клиента",
    titleEn: "License activated and registered to the client",
  },
  { code: "seo", titleRu: "Базовая SEO-настройка", titleEn: "Basic SEO settings" },
] as const;

/** Writes the mandatory tests when the table is empty (start, seed, tests). */
export async function seedQmTests(db: Writer): Promise<void> {
  const [row] = await db.select({ n: count() }).from(qmTests);
  if (row!.n > 0) return;
  await db.insert(qmTests).values(qmTestData.map((t, i) => ({ ...t, position: i + 1 })));
}
