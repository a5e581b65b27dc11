// R2.4, R7.1b, R7.2, R1.5c: what each status gives.
import type { Status } from "../status/types.ts";

/** R2.4 discount on all products except Bitrix24; R1.5c: none after termination. */
export function discountPercent(status: Status): number {
  return { business: 40, certified: 45, gold: 50, none: 0 }[status];
}

/** R2.4, R6.1a: status NFR keys "Site Management — Business" owed. */
export function statusNfrKeys(status: Status): number {
  return { business: 0, certified: 2, gold: 4, none: 0 }[status];
}

/** R7.2: promotions for Certified and Gold only. */
export function promotionsAllowed(status: Status): boolean {
  return status === "certified" || status === "gold";
}

export type LeadAccess = "pushed" | "browse" | "none";

/**
 * R7.1b decision: Gold gets every lead pushed; Certified, its own city's leads pushed (other cities
 * not visible); Business may browse its own city's leads, nothing pushed; none: nothing.
 */
export function leadAccess(status: Status, partnerCity: string, leadCity: string): LeadAccess {
  const sameCity = normaliseCity(partnerCity) === normaliseCity(leadCity);
  switch (status) {
    case "gold":
      return "pushed";
    case "certified":
      return sameCity ? "pushed" : "none";
    case "business":
      return sameCity ? "browse" : "none";
    case "none":
      return "none";
  }
}

// "Москва" and " москва " are the same city; ё and е are the same letter in addresses.
function normaliseCity(city: string): string {
  return city.trim().toLowerCase().replaceAll("ё", "е").replace(/\s+/g, " ");
}
