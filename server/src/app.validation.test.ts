// Issue 5 "Done when": bad input on every route gives a 422 problem+json naming the field. Walks EVERY
// operation of the OpenAPI document (so routes added later are checked without touching this file), calls it as
// a user the policy lets through, with every input it can make invalid made invalid, and expects a 422
// problem+json whose `errors` (or detail) names one of those inputs.
//
// Operations are skipped by rule only:
// - "no inputs": no path parameter, query parameter, required header or JSON body;
// - "policy-bound only": the only input is the partner parameter the policy binds to the caller's own partner
//   (a partner-only route: an invalid id is a 403 before validation, by design);
// - "nothing constrained": every input accepts any value (unconstrained strings, `any`, coerced booleans).
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Access, lookup } from "./auth/policy.ts";
import * as s from "./db/schema/index.ts";
import { seedDemo } from "./seed/index.ts";
import { createHarness, signIn } from "./test/harness.ts";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
};
type Operation = {
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
};
type Doc = {
  paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
};

const h = await createHarness();
await seedDemo(h);
const doc = (await (await h.app.request("/api/v1/openapi.json")).json()) as Doc;
// The demo main user's partner: the one partner id the policy lets that user name.
const [main] = await h.db
  .select({ partnerId: s.employeeLinks.partnerId })
  .from(s.employeeLinks)
  .innerJoin(s.user, eq(s.user.id, s.employeeLinks.userId))
  .where(and(eq(s.user.email, "partner@partner-trust.local"), eq(s.employeeLinks.level, "main")));
if (!main) throw new Error("the demo seed has no partner of the demo main user");
const partnerId = main.partnerId;
const cookies = {
  admin: await signIn(h.app, "admin@partner-trust.local", "admin-demo"),
  moderator: await signIn(h.app, "moderator@partner-trust.local", "moderator-demo"),
  partner: await signIn(h.app, "partner@partner-trust.local", "partner-demo"),
};

const resolve = <T>(x: T | { $ref: string }): T => {
  let v: unknown = x;
  for (let i = 0; i < 10 && v && typeof v === "object" && "$ref" in v; i++) {
    const [, , kind, name] = (v as { $ref: string }).$ref.split("/");
    v = (doc.components as Record<string, Record<string, unknown>> | undefined)?.[kind!]?.[name!];
  }
  return v as T;
};

/** The schema without its `null` alternative (zod's `.nullable()`/`.nullish()`). */
function core(schema: Schema | undefined): Schema | undefined {
  const s = schema && resolve<Schema>(schema);
  if (!s) return s;
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const nonNull = alts.map((a) => resolve<Schema>(a)).filter((a) => a.type !== "null");
    return nonNull.length === 1 ? core(nonNull[0]) : s;
  }
  if (s.allOf?.length === 1) return core(s.allOf[0]);
  return s;
}
const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type);

/** A text value the schema refuses (for path and query), or undefined when it accepts anything we could send. */
function invalidText(schema: Schema | undefined, where: "path" | "query"): string | undefined {
  const s = core(schema);
  if (!s) return undefined;
  if (s.enum || s.const !== undefined) return "zz-not-one-of-them";
  const type = typeOf(s);
  if (type === "integer" || type === "number") {
    return "not-a-number";
  }
  if (type === "string") {
    if (s.format && ["uuid", "email", "date", "date-time", "uri", "url", "time", "ipv4"].includes(s.format))
      return "not-valid-zz";
    if (s.pattern) {
      const re = new RegExp(s.pattern);
      const bad = ["zz!zz", "0", "ZZZ", "-", "not valid"].find((c) => !re.test(c));
      if (bad !== undefined) return bad;
    }
    if (s.maxLength !== undefined) return "z".repeat(s.maxLength + 1);
    if (where === "query" && (s.minLength ?? 0) > 0) return "";
  }
  return undefined;
}

/** A JSON value of the wrong type for the schema, or undefined when it has no type to break. */
function wrongJson(schema: Schema | undefined): unknown {
  const s = core(schema);
  if (!s) return undefined;
  if (s.enum || s.const !== undefined) return "zz-not-one-of-them";
  switch (typeOf(s)) {
    case "string":
      return 12345;
    case "integer":
    case "number":
    case "boolean":
    case "array":
    case "object":
      return "zz-wrong-type";
    default:
      return undefined;
  }
}

/** A text value the schema accepts (for the inputs not under test), or undefined when we cannot make one. */
function validText(schema: Schema | undefined): string | undefined {
  const s = core(schema);
  if (!s) return "zz-placeholder";
  if (s.enum) return String(s.enum[0]);
  if (s.const !== undefined) return String(s.const);
  const type = typeOf(s);
  if (type === "integer" || type === "number") return String(Math.max(s.minimum ?? 1, 1));
  if (type === "boolean") return "true";
  const formats: Record<string, string> = {
    uuid: crypto.randomUUID(),
    email: "zz@example.ru",
    date: "2026-11-24",
    "date-time": "2026-11-24T00:00:00Z",
    uri: "https://example.ru/",
    url: "https://example.ru/",
  };
  if (s.format && formats[s.format]) return formats[s.format];
  const fits = (v: string) =>
    (!s.pattern || new RegExp(s.pattern).test(v)) &&
    v.length >= (s.minLength ?? 0) &&
    v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
  return ["zz-placeholder", "zzzzzzzzzzzzzzzzzzzz", "example.ru", "2026-11-24", "1", "zz"].find(fits);
}

type Group = "path" | "query" | "header" | "body";
type Call = {
  op: string;
  group: Group;
  caller: keyof typeof cookies | null;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  broken: string[];
};
type Planned = { name: string; calls: Call[]; skip?: string };

function callerFor(access: Access): { caller: keyof typeof cookies | null; boundParam?: string } {
  if (access === "anyone") return { caller: null };
  if (access === "signed-in") return { caller: "admin" };
  if ("roles" in access) return { caller: access.roles.includes("admin") ? "admin" : "moderator" };
  if (access.staff?.includes("admin")) return { caller: "admin" };
  if (access.staff?.includes("moderator")) return { caller: "moderator" };
  return { caller: "partner", boundParam: access.partner.param };
}

/**
 * One call per kind of input (path, query, header, body), the others given acceptable values: the validators
 * run one kind after another, so breaking them all at once would only ever test the first.
 */
function plan(method: string, path: string, op: Operation, shared: Parameter[]): Planned {
  const name = `${method.toUpperCase()} ${path}`;
  const access = lookup(method.toUpperCase(), path.replace(/\{([^}]+)\}/g, ":$1"));
  if (access === undefined) return { name, calls: [], skip: "no policy line (app.test.ts fails on it)" };
  const { caller, boundParam } = callerFor(access);
  const params = [...shared, ...(op.parameters ?? [])].map((p) => resolve<Parameter>(p));
  const json = op.requestBody?.content?.["application/json"];
  const hasInputs = params.some((p) => p.in !== "cookie" && (p.in !== "header" || p.required)) || !!json;
  if (!hasInputs) return { name, calls: [], skip: "no inputs" };
  const free = params.filter((p) => p.name !== boundParam || p.in !== "path");
  if (free.every((p) => p.in === "cookie" || (p.in === "header" && !p.required)) && !json)
    return { name, calls: [], skip: "policy-bound only" };

  const calls: Call[] = [];
  const build = (group: Group) => {
    const broken: string[] = [];
    let url = path;
    const headers: Record<string, string> = caller ? { cookie: cookies[caller] } : {};
    const query = new URLSearchParams();
    for (const p of params) {
      const breakIt = p.in === group && !(p.in === "path" && p.name === boundParam);
      let value: string | undefined;
      if (p.in === "path" && p.name === boundParam) value = partnerId;
      else if (breakIt && p.in === "header")
        value = undefined; // a required header left out
      else if (breakIt) value = invalidText(p.schema, p.in === "path" ? "path" : "query");
      if (breakIt && (value !== undefined || (p.in === "header" && p.required))) broken.push(p.name);
      if (value === undefined && !(breakIt && p.in === "header") && (p.in === "path" || p.required))
        value = validText(p.schema);
      if (value === undefined && (p.in === "path" || (p.required && !(breakIt && p.in === "header")))) return;
      if (value === undefined) continue;
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      if (p.in === "query") query.set(p.name, value);
      if (p.in === "header") headers[p.name] = value;
    }
    let payload: string | undefined;
    if (group === "body" && json) {
      const schema = core(json.schema);
      if (schema && typeOf(schema) === "object") {
        const out: Record<string, unknown> = {};
        for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
          const wrong = wrongJson(propSchema);
          if (wrong !== undefined) {
            out[prop] = wrong;
            broken.push(prop);
          } else if (schema.required?.includes(prop)) broken.push(prop); // left out
        }
        payload = JSON.stringify(out);
      } else {
        const wrong = wrongJson(schema);
        if (wrong !== undefined) {
          payload = JSON.stringify(wrong);
          broken.push("(root)");
        }
      }
      if (payload !== undefined) headers["content-type"] = "application/json";
    }
    if (broken.length === 0) return;
    const qs = query.toString();
    calls.push({
      op: name,
      group,
      caller,
      url: `${url}${qs ? `?${qs}` : ""}`,
      headers,
      body: payload,
      broken,
    });
  };
  for (const group of ["path", "query", "header", "body"] as const) build(group);
  return calls.length ? { name, calls } : { name, calls: [], skip: "nothing constrained" };
}

const planned: Planned[] = [];
for (const [path, item] of Object.entries(doc.paths)) {
  const shared = (item.parameters ?? []) as Parameter[];
  for (const [method, op] of Object.entries(item)) {
    if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
    planned.push(plan(method, path, op as Operation, shared));
  }
}
const calls = planned.flatMap((p) => p.calls);

afterAll(() => h.close());

describe("issue 5: bad input on every route of the OpenAPI document → 422 problem+json naming the field", () => {
  it("the document has operations, and most of them are checked (skips are by rule only)", () => {
    expect(planned.length).toBeGreaterThan(20);
    expect(planned.filter((p) => p.calls.length).length).toBeGreaterThan(planned.length / 2);
    for (const p of planned.filter((x) => x.skip))
      expect(["no inputs", "policy-bound only", "nothing constrained"], p.name).toContain(p.skip);
  });

  it.each(calls.map((c) => [`${c.op} — bad ${c.group} as ${c.caller ?? "anonymous"}`, c] as const))(
    "%s",
    async (_name, call) => {
      const res = await h.app.request(call.url, {
        method: call.op.split(" ")[0]!,
        headers: call.headers,
        ...(call.body !== undefined ? { body: call.body } : {}),
      });
      const text = await res.text();
      const where = `${call.url} ${call.body ?? ""} → ${res.status} ${text.slice(0, 300)}`;
      expect(res.status, where).toBe(422);
      expect(res.headers.get("content-type"), where).toBe("application/problem+json");
      const problem = JSON.parse(text) as { errors?: { path: string }[]; detail?: string };
      const named = (problem.errors ?? []).map((e) => e.path.split(".")[0]!.toLowerCase());
      const broken = call.broken.map((b) => b.toLowerCase());
      const namesOne =
        named.some((n) => broken.includes(n)) ||
        broken.some((b) => b !== "(root)" && problem.detail?.toLowerCase().includes(b));
      expect(namesOne, `${where}\nexpected one of: ${call.broken.join(", ")}`).toBe(true);
    },
  );
});
