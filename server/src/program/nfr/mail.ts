// R6: the NFR e-mails to the partner — Russian first, then English. Never a license key in them.
export type NfrMail = { subject: string; text: string };

const join = (ru: string[], en: string[]) => [...ru, "", ...en].join("\n");

export const requestDecidedMail = (
  kind: "own_site" | "downgrade",
  approved: boolean,
  reason: string,
  what: string,
): NfrMail => {
  const ruKind = kind === "own_site" ? "NFR-лицензию для своего сайта" : "смену редакции NFR-ключа";
  const enKind = kind === "own_site" ? "an NFR license for your own site" : "an NFR key edition change";
  return {
    subject: approved
      ? `NFR: заявка одобрена / NFR: request approved`
      : `NFR: заявка отклонена / NFR: request declined`,
    text: join(
      [
        `Ваша заявка на ${ruKind} (${what}) ${approved ? "одобрена" : "отклонена"}. ${reason}`,
        approved ? "Ключ — в кабинете партнёра, раздел NFR." : "",
      ],
      [
        `Your request for ${enKind} (${what}) was ${approved ? "approved" : "declined"}. ${reason}`,
        approved ? "The key is in the partner cabinet, NFR section." : "",
      ],
    ),
  };
};

export const bitrix24Mail = (portal: string): NfrMail => ({
  subject: `Битрикс24: портал ${portal} переведён на NFR / Bitrix24: portal ${portal} switched to NFR`,
  text: join(
    [
      `Портал ${portal} переведён на NFR-лицензию (функции тарифа «Компания») на 12 месяцев (R6.3a).`,
      "Ограничения: без своего домена, 24 ГБ на диске, 12 распознаваний визиток. Для своего проекта или демонстраций клиентам.",
      "Продление: продажи лицензий 1С-Битрикс от 25 000 ₽ за год; иначе портал переходит на бесплатный тариф «Проект».",
    ],
    [
      `Portal ${portal} is switched to an NFR license ("Company" plan functions) for 12 months (R6.3a).`,
      "Limits: no custom domain, 24 GB of disk, 12 business-card recognitions. For your own project or client demos.",
      'Renewal: at least 25,000 RUB of 1C-Bitrix license sales within the year; otherwise the free "Project" plan.',
    ],
  ),
});

const outcomeRu = {
  renewed: "продлена на 12 месяцев",
  lapsed: "не продлена и прекращена",
  "project-plan": "не продлена: портал переведён на бесплатный тариф «Проект»",
  lost: "прекращена",
} as const;
const outcomeEn = {
  renewed: "renewed for 12 months",
  lapsed: "not renewed and has lapsed",
  "project-plan": 'not renewed: the portal moves to the free "Project" plan',
  lost: "ended",
} as const;

export const renewalMail = (
  what: string,
  outcome: keyof typeof outcomeRu,
  salesRub: number,
  thresholdRub: number,
): NfrMail => ({
  subject: `NFR: ${what} — ${outcome === "renewed" ? "продлена / renewed" : "не продлена / not renewed"}`,
  text: join(
    [
      `NFR-лицензия (${what}) ${outcomeRu[outcome]}. Продажи за год: ${salesRub} ₽, требуется: ${thresholdRub} ₽.`,
    ],
    [
      `The NFR license (${what}) is ${outcomeEn[outcome]}. Sales in the year: ${salesRub} RUB, required: ${thresholdRub} RUB.`,
    ],
  ),
});
