// Hono environment shared by the app, middleware and routes.
import type { Logger } from "pino";
import type { Principal } from "./auth/principal.ts";

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    principal: Principal | null;
  };
};
