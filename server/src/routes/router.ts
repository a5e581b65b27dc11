// Every router is created here so all share the validation hook (zod → 422 problem+json).
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { validationError, zodFieldErrors } from "../errors/index.ts";
import type { AppEnv } from "../types.ts";

export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(zodFieldErrors(result.error));
    },
  });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

/** OpenAPI response entries for the problem kinds a route can return. */
export const problems = (...statuses: (401 | 403 | 404 | 409 | 413 | 422 | 503)[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: "Problem (RFC 9457)",
        content: { "application/problem+json": { schema: ProblemSchema } },
      },
    ]),
  );
