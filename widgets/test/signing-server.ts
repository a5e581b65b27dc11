// The test signing server (a web-test-runner middleware): mints ES256 status tokens with test keys, publishes
// a JWKS and simulates the server's failure modes. Each test uses its own namespace `/pt/<ns>` as the widget's
// `server`, so counters, caches and key rotation never leak between tests. The partner id picks the scenario.
import { webcrypto } from "node:crypto";

const { subtle } = webcrypto;

type KeyPair = { kid: string; privateKey: CryptoKey; jwk: JsonWebKey };

async function keyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = (await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const { kty, crv, x, y } = await subtle.exportKey("jwk", publicKey);
  return { kid, privateKey, jwk: { kty, crv, x, y, kid, alg: "ES256", use: "sig" } as JsonWebKey };
}

const b64 = (data: Uint8Array | string) => Buffer.from(data).toString("base64url");

async function sign(key: KeyPair, payload: object, kid = key.kid): Promise<string> {
  const input = `${b64(JSON.stringify({ alg: "ES256", kid, typ: "partner-status+jwt" }))}.${b64(JSON.stringify(payload))}`;
  const sig = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, Buffer.from(input));
  return `${input}.${b64(new Uint8Array(sig))}`;
}

export const COMPETENCIES = [
  { id: "composite", ru: "Композитный сайт", en: "Composite site" },
  { id: "integration-1c", ru: "Интеграция с 1С", en: "Integration with 1C" },
];

/** The partner as the real server would describe it; scenarios adjust it. */
function partner(id: string, server: string) {
  return {
    id,
    name: `ООО «Партнёр ${id}»`,
    status: "gold",
    since: "2026-05-01",
    until: "2027-05-01",
    competencies: COMPETENCIES,
    qmParticipant: true,
    domains: ["localhost", "partner.test", "партнёр.test"],
    verifyUrl: `${server}/partners/${id}`,
  };
}

interface Namespace {
  status: number;
  jwks: number;
  /** JWKS requests that came before any token was sent (fetched alongside the token, not after it). */
  jwksBeforeToken: number;
  tokensSent: number;
  beacons: unknown[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function readBody(req: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export interface SigningRequest {
  method: string;
  path: string;
  host: string;
  body(): Promise<string>;
}

export interface SigningResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Close the connection without an answer (a server that is down). */
  drop?: boolean;
}

/** The signing server as a plain request handler (used by the demo server). */
export function createSigningServer() {
  const keys = Promise.all([keyPair("k1"), keyPair("k2"), keyPair("k1"), keyPair("k3")]);
  const spaces = new Map<string, Namespace>();

  async function token(
    id: string,
    ns: string,
    origin: string,
    space: Namespace,
  ): Promise<string | undefined> {
    const [k1, k2, rogue, k3] = await keys;
    const server = ns ? `${origin}/pt/${ns}` : origin;
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: origin, sub: id, iat: now, exp: now + 600, partner: partner(id, server) };
    const p = claims.partner;
    switch (id) {
      case "certified":
        Object.assign(p, {
          status: "certified",
          competencies: [],
          qmParticipant: false,
          until: "2027-01-31",
        });
        break;
      case "business":
        Object.assign(p, { status: "business", competencies: [], qmParticipant: false, until: null });
        break;
      case "elsewhere":
        p.domains = ["example.ru"];
        break;
      case "www":
        p.domains = ["www.partner.test", "localhost"];
        break;
      case "terminated":
        Object.assign(p, { status: "none", competencies: [], qmParticipant: false, until: null });
        break;
      case "tampered": {
        const genuine = await sign(k1, { ...claims, partner: { ...p, status: "business" } });
        const [h, , s] = genuine.split(".");
        return `${h}.${b64(JSON.stringify(claims))}.${s}`;
      }
      case "wrongkey":
        return sign(rogue!, claims);
      case "expired":
        return sign(k1, { ...claims, iat: now - 1200, exp: now - 600 });
      case "othersub":
        return sign(k1, { ...claims, sub: "gold", partner: { ...p, id: "gold" } });
      case "otheriss":
        return sign(k1, { ...claims, iss: "https://evil.example" });
      case "malformed":
        return "not-a.jwt";
      case "rotated":
        return sign(k2, claims);
      case "unknownkid":
        return sign(k3, claims);
      case "short":
        // Gold for 4 seconds; afterwards the partner has been terminated.
        if (space.status > 1) Object.assign(p, { status: "none" });
        return sign(k1, { ...claims, exp: now + 4 });
      case "lapse":
        // Gold for 4 seconds; afterwards the server fails.
        if (space.status > 1) return undefined;
        return sign(k1, { ...claims, exp: now + 4 });
    }
    return sign(k1, claims);
  }

  /** Answers one request, or undefined when the path is not the server's. */
  return async function handle(req: SigningRequest): Promise<SigningResponse | undefined> {
    // `/pt/<ns>/…`, or the server's own paths at the root (a widget without a `server` attribute).
    const m = /^(?:\/pt\/([\w-]+))?(\/api\/.*|\/\.well-known\/.*|\/__stats)$/.exec(req.path);
    if (!m) return undefined;
    const ns = m[1] ?? "";
    const rest = m[2]!;
    const space = spaces.get(ns) ?? { status: 0, jwks: 0, jwksBeforeToken: 0, tokensSent: 0, beacons: [] };
    spaces.set(ns, space);
    const origin = `http://${req.host}`;
    const headers: Record<string, string> = {
      "access-control-allow-origin": "*",
      "cache-control": "no-store",
    };
    const json = (body: unknown, status = 200, type = "application/json") => ({
      status,
      headers: { ...headers, "content-type": type },
      body: JSON.stringify(body),
    });
    const empty = (status: number) => ({ status, headers, body: "" });
    if (req.method === "OPTIONS") {
      headers["access-control-allow-methods"] = "GET, POST";
      headers["access-control-allow-headers"] = "content-type";
      return empty(204);
    }
    if (rest === "/__stats") return json(space);
    if (rest === "/.well-known/jwks.json") {
      const [k1, k2] = await keys;
      space.jwks++;
      if (space.tokensSent === 0) space.jwksBeforeToken++;
      // "rot-…" namespaces publish k2 only from the second request on (a key rotation the widget must follow).
      return json({ keys: ns.startsWith("rot-") && space.jwks === 1 ? [k1.jwk] : [k1.jwk, k2.jwk] });
    }
    const route = /^\/api\/v1\/public\/partners\/([^/]+)\/(status|footer-checks)$/.exec(rest);
    if (!route) return undefined;
    const id = decodeURIComponent(route[1]!);
    if (route[2] === "footer-checks" && req.method === "POST") {
      space.beacons.push({ partner: id, ...JSON.parse((await req.body()) || "{}") });
      return empty(204);
    }
    space.status++;
    if (id === "unknown")
      return json({ type: "about:blank", title: "Not Found", status: 404 }, 404, "application/problem+json");
    if (id === "error500") return empty(500);
    if (id === "down") return { ...empty(0), drop: true };
    if (id === "slow") await sleep(3000);
    if (id === "lagging") await sleep(300);
    const jws = await token(id, ns, origin, space).finally(() => space.tokensSent++);
    return jws === undefined ? empty(503) : json({ token: jws });
  };
}

interface KoaContext {
  method: string;
  path: string;
  host: string;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
  req: NodeJS.ReadableStream & { socket: { destroy(): void } };
}

/** The signing server as a web-test-runner (Koa) middleware. */
export function signingServer() {
  const handle = createSigningServer();
  return async function signing(ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> {
    // Pages on the *.test hosts load the widget from localhost, as partner sites load it from the server.
    ctx.set("access-control-allow-origin", "*");
    const res = await handle({
      method: ctx.method,
      path: ctx.path,
      host: ctx.host,
      body: () => readBody(ctx.req),
    });
    if (!res) return next();
    if (res.drop) {
      ctx.req.socket.destroy();
      return;
    }
    ctx.status = res.status;
    for (const [name, value] of Object.entries(res.headers)) ctx.set(name, value);
    if (res.body) ctx.body = res.body;
  };
}
