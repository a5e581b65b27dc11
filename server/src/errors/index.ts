// Typed errors and their one mapping to RFC 9457 problem+json.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";

/** Stable problem types: one per error kind. Clients may switch on them. */
export const problemTypes = {
  validation: "/problems/validation",
  unauthenticated: "/problems/unauthenticated",
  forbidden: "/problems/forbidden",
  notFound: "/problems/not-found",
  conflict: "/problems/conflict",
  http: "/problems/http",
  internal: "/problems/internal",
  siteCheckFailed: "/problems/site-check-failed",
} as const;
export type ProblemKind = keyof typeof problemTypes;

export type FieldError = { path: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  /** RFC 9457 extension members, e.g. the audit evidence of a refused site check (R5.4f). */
  [member: string]: unknown;
};

const titles: Record<ProblemKind, string> = {
  validation: "Invalid request",
  unauthenticated: "Not signed in",
  forbidden: "Forbidden",
  notFound: "Not found",
  conflict: "Conflict",
  http: "HTTP error",
  internal: "Internal server error",
  siteCheckFailed: "Site check failed",
};

const statuses: Record<ProblemKind, ContentfulStatusCode> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  http: 400,
  internal: 500,
  siteCheckFailed: 422,
};

/** Throw from handlers; `onError` turns it into problem+json. */
export class AppError extends Error {
  override name = "AppError";
  readonly kind: ProblemKind;
  readonly errors: FieldError[] | undefined;
  /** Extension members of the problem body (never `type`, `title`, `status`). */
  readonly extra: Record<string, unknown> | undefined;
  constructor(kind: ProblemKind, detail?: string, errors?: FieldError[], extra?: Record<string, unknown>) {
    super(detail ?? titles[kind]);
    this.kind = kind;
    this.errors = errors;
    this.extra = extra;
  }
}

export const unauthenticated = (detail = "Sign in to use this resource.") =>
  new AppError("unauthenticated", detail);
export const forbidden = (detail = "Your account may not use this resource.") =>
  new AppError("forbidden", detail);
export const notFound = (detail = "No such resource.") => new AppError("notFound", detail);
/** The one wording for a partner id that names no partner. */
export const noSuchPartner = () => notFound("Партнёр не найден. / No such partner.");
export const conflict = (detail: string) => new AppError("conflict", detail);

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}

export function validationError(errors: FieldError[]): AppError {
  const fields = errors.map((e) => e.path).join(", ");
  return new AppError("validation", `Invalid value for: ${fields}`, errors);
}

export function problemOf(err: unknown): Problem {
  if (err instanceof AppError) {
    return {
      ...err.extra,
      type: problemTypes[err.kind],
      title: titles[err.kind],
      status: statuses[err.kind],
      detail: err.message,
      ...(err.errors ? { errors: err.errors } : {}),
    };
  }
  if (err instanceof ZodError) return problemOf(validationError(zodFieldErrors(err)));
  if (err instanceof HTTPException) {
    const kind = (Object.keys(statuses) as ProblemKind[]).find(
      (k) => k !== "http" && k !== "validation" && statuses[k] === err.status,
    );
    return {
      type: problemTypes[kind ?? "http"],
      title: kind ? titles[kind] : titles.http,
      status: err.status,
      detail: err.message || titles[kind ?? "http"],
    };
  }
  return { type: problemTypes.internal, title: titles.internal, status: 500, detail: "Unexpected error." };
}

export function problemResponse(c: Context, problem: Problem): Response {
  const body: Problem = { ...problem, instance: c.req.path };
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json",
  });
}
