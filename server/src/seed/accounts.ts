// The demo accounts: printed at start, documented, signed in by the quick-start test.
export type DemoAccount = {
  key: "admin" | "moderator" | "partner" | "employee" | "client";
  email: string;
  password: string;
  name: string;
  role: "admin" | "moderator" | "client";
  description: string;
};

export const demoAccounts: readonly DemoAccount[] = [
  {
    key: "admin",
    email: "admin@partner-trust.local",
    password: "admin-demo",
    name: "Анна Админова",
    role: "admin",
    description: "admin",
  },
  {
    key: "moderator",
    email: "moderator@partner-trust.local",
    password: "moderator-demo",
    name: "Михаил Модеров",
    role: "moderator",
    description: "moderator",
  },
  {
    key: "partner",
    email: "partner@partner-trust.local",
    password: "partner-demo",
    name: "Павел Партнёров",
    role: "client",
    description: "main user of «Веб-студия Альфа» (Gold, Moscow)",
  },
  {
    key: "employee",
    email: "employee@partner-trust.local",
    password: "employee-demo",
    name: "Елена Сотрудникова",
    role: "client",
    description: "limited employee of «Веб-студия Альфа», leads flag",
  },
  {
    key: "client",
    email: "client@partner-trust.local",
    password: "client-demo",
    name: "Кирилл Клиентов",
    role: "client",
    description: "client; a pending invitation to «Бета Студио» (R4E.1: GET /api/v1/me/invitations)",
  },
];
