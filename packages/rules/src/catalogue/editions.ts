// Default price list of "Site Management" editions (R5.2, R5.4i).
import type { Edition } from "./types.ts";

export const defaultEditions: Readonly<Record<string, Edition>> = {
  start: { id: "start", name: "Старт", priceRub: 5900, sites: 1 },
  standard: { id: "standard", name: "Стандарт", priceRub: 17900, sites: 1 },
  "small-business": { id: "small-business", name: "Малый бизнес", priceRub: 40900, sites: 1 },
  business: { id: "business", name: "Бизнес", priceRub: 72900, sites: 1 },
};
