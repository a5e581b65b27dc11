// The Partner Trust server as the extension uses it: sign-in (better-auth, bearer token), site lookup,
// audit reports. Every call but sign-in sends `Authorization: Bearer <token>`.
import type { Finding, KnownKey, PartnerCard } from "@partner-trust/audit";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly problem?: { type?: string; title?: string; detail?: string; errors?: { path: string }[] },
  ) {
    super(message);
  }
}

export interface AuditTarget {
  partner: { id: string; name: string };
  project: { id: string; title: string; host: string } | null;
  /** How the site matched: a registered domain, a project host, the approved card's website, or picked. */
  matchedBy: ("domain" | "project" | "website" | "picked")[];
  /** From the last approved card version; null when the partner has none. */
  card: PartnerCard | null;
  /** A3: md5 hashes only, never raw keys. */
  knownKeys: (KnownKey & { hash: string })[];
}

export interface LookupResult {
  host: string;
  targets: AuditTarget[];
}

export type Verdict = "confirm" | "dismiss" | "follow_up";

export interface Screenshot {
  rule: string;
  selector?: string;
  url: string;
  /** data:image/png;base64,… or data:image/jpeg;base64,… */
  dataUrl: string;
}

export interface ReportPayload {
  url: string;
  partnerId?: string;
  projectId?: string;
  findings: Finding[];
  pages?: { url: string; status: number; findings: Finding[] }[];
  verdict: Verdict;
  note: string;
  screenshots?: Screenshot[];
}

export interface StoredReport {
  id: string;
  url: string;
  host: string;
  partnerId: string | null;
  projectId: string | null;
  verdict: Verdict | null;
  note: string;
  createdAt: string;
  auditor: { id: string | null; name: string | null; email: string | null };
  summary: { pass: number; fail: number; review: number };
  findings: { rule: string; verdict: "pass" | "fail" | "review"; message: { ru: string; en: string } }[];
  screenshots: number;
}

export interface SignedIn {
  token: string;
  user: { email: string; name: string; role: string };
}

export type Fetch = typeof fetch;

async function problemOf(res: Response): Promise<ApiError> {
  let problem: ApiError["problem"];
  try {
    problem = (await res.json()) as ApiError["problem"];
  } catch {
    problem = undefined;
  }
  const field = problem?.errors?.map((e) => e.path).join(", ");
  const text = problem?.detail ?? problem?.title ?? res.statusText;
  return new ApiError(
    res.status,
    `${res.status}: ${text}${field && !text.includes(field) ? ` (${field})` : ""}`,
    problem,
  );
}

export function createApi(serverUrl: string, token: string | null, doFetch: Fetch = fetch) {
  const url = (path: string) => new URL(path, serverUrl).href;
  const authed = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await doFetch(url(path), {
      ...init,
      headers: {
        accept: "application/json",
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
    });
    if (!res.ok) throw await problemOf(res);
    return res;
  };
  return {
    /** better-auth e-mail sign-in; the bearer plugin returns the session token in `set-auth-token`. */
    async signIn(email: string, password: string): Promise<SignedIn> {
      const res = await doFetch(url("/api/auth/sign-in/email"), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw await problemOf(res);
      const body = (await res.json()) as {
        token?: string;
        user: { email: string; name: string; role?: string };
      };
      const bearer = res.headers.get("set-auth-token") ?? body.token;
      if (!bearer) throw new ApiError(500, "the server sent no session token (is the bearer plugin on?)");
      return {
        token: bearer,
        user: { email: body.user.email, name: body.user.name, role: body.user.role ?? "client" },
      };
    },
    async signOut(): Promise<void> {
      await authed("/api/auth/sign-out", { method: "POST", body: "{}" }).catch(() => undefined);
    },
    async lookup(query: { host: string; partnerId?: string; projectId?: string }): Promise<LookupResult> {
      const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
      return (await authed(`/api/v1/audit/lookup?${q}`)).json() as Promise<LookupResult>;
    },
    async submitReport(report: ReportPayload): Promise<{ id: string }> {
      return (
        await authed("/api/v1/audit-reports", { method: "POST", body: JSON.stringify(report) })
      ).json() as Promise<{
        id: string;
      }>;
    },
    async listReports(host: string): Promise<StoredReport[]> {
      const res = await authed(`/api/v1/audit-reports?host=${encodeURIComponent(host)}`);
      return ((await res.json()) as { items: StoredReport[] }).items;
    },
  };
}

export type Api = ReturnType<typeof createApi>;
