// Catalogue data beyond the engine's: the QM questionnaire (R5.5b). Editions, courses, the requirement
// table, competencies and holidays come from the engine's defaultCatalogue (program/catalogue/store.ts).

export const qmQuestionData = [
  { textRu: "Насколько вы довольны сайтом в целом?", textEn: "How satisfied are you with the site overall?" },
  { textRu: "Соблюдены ли сроки проекта?", textEn: "Was the project delivered on time?" },
  {
    textRu: "Насколько удобно работать в административной панели?",
    textEn: "How convenient is the admin panel?",
  },
  { textRu: "Порекомендуете ли вы партнёра?", textEn: "Would you recommend the partner?" },
] as const;
