// W1–W3: what the server signs into a partner's status token and the widgets read back. Types only, so the
// widgets' bundle gains nothing from sharing them.

/** R2.1: the partner's status; "none" = not (or no longer) a partner (R1.5). */
export type PartnerStatus = "business" | "certified" | "gold" | "none";

/** R4.1: a competency as the emblem shows it. */
export type Competency = { id: string; ru: string; en: string };

/** The partner as the widgets show it. */
export type PartnerClaims = {
  id: string;
  name: string;
  status: PartnerStatus;
  /** Moscow civil dates `YYYY-MM-DD` of the current status term. */
  since: string | null;
  until: string | null;
  competencies: Competency[];
  /** R2.3, W3: the quality-program seal. */
  qmParticipant: boolean;
  /** W1: the verified hosts the badge may be shown on. */
  domains: string[];
  verifyUrl: string;
};

/** The JWT payload: `sub` is the partner's id. */
export type StatusTokenPayload = {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  partner: PartnerClaims;
};
