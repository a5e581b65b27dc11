// The partner status as a W3C Verifiable Credential in the Open Badges 3.0 form (OpenBadgeCredential),
// secured as a VC-JWT (the `vc` claim) and signed by the same keys as the widgets' tokens.

import type { PartnerClaims } from "@partner-trust/badge-token";
import type { PartnerStatus } from "../../db/schema/index.ts";

export const CREDENTIAL_TYP = "vc+jwt";

const achievementNames: Record<PartnerStatus, { ru: string; en: string }> = {
  gold: { ru: "Золотой сертифицированный партнёр 1С-Битрикс", en: "1C-Bitrix Gold Certified Partner" },
  certified: { ru: "Сертифицированный партнёр 1С-Битрикс", en: "1C-Bitrix Certified Partner" },
  business: { ru: "Бизнес-партнёр 1С-Битрикс", en: "1C-Bitrix Business Partner" },
  none: { ru: "Не является партнёром 1С-Битрикс", en: "Not a 1C-Bitrix partner" },
};

export const statusTitle = (status: PartnerStatus) => achievementNames[status];

/** The `vc` claim: an OB 3.0 OpenBadgeCredential whose achievement is the partner's current status. */
export function openBadgeCredential(
  claim: PartnerClaims,
  { issuer, issuedAt, expiresAt }: { issuer: string; issuedAt: Date; expiresAt: Date },
) {
  const title = achievementNames[claim.status];
  // Valid from the start of the status term; until its anniversary, but never past the JWT's own expiry
  // (the status is live: a terminated partner must not keep a credential valid for a year).
  const validFrom = claim.since ? `${claim.since}T00:00:00+03:00` : issuedAt.toISOString();
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${title.ru} / ${title.en}`,
    issuer: {
      id: issuer,
      type: ["Profile"],
      name: "Партнёрская программа 1С-Битрикс / 1C-Bitrix Partner Program",
      url: issuer,
    },
    validFrom,
    validUntil: expiresAt.toISOString(),
    credentialSubject: {
      id: claim.verifyUrl,
      type: ["AchievementSubject"],
      name: claim.name,
      achievement: {
        id: `${issuer}/achievements/partner-status/${claim.status}`,
        type: ["Achievement"],
        achievementType: "Membership",
        name: title.ru,
        description: `${title.ru}. ${title.en}.`,
        criteria: {
          id: `${issuer}/partners/${encodeURIComponent(claim.id)}`,
          narrative:
            "Статус по правилам партнёрской программы 1С-Битрикс (R2, R3). Status under the 1C-Bitrix partner program rules.",
        },
        ...(claim.until ? { "partnerTrust:statusUntil": claim.until } : {}),
      },
      "partnerTrust:status": claim.status,
      "partnerTrust:competencies": claim.competencies.map((c) => c.id),
      "partnerTrust:qmParticipant": claim.qmParticipant,
      "partnerTrust:domains": claim.domains,
    },
  };
}
