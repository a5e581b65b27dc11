// Typed storage items: the server, the moderator's session (better-auth bearer token) and the UI language.
import { storage } from "#imports";

export const DEFAULT_SERVER_URL = "http://localhost:8787";

export interface SessionInfo {
  token: string;
  email: string;
  name: string;
  role: string;
}

export const serverUrlItem = storage.defineItem<string>("local:serverUrl", { fallback: DEFAULT_SERVER_URL });

export const sessionItem = storage.defineItem<SessionInfo | null>("local:session", { fallback: null });

export type Locale = "ru" | "en";

/** null: follow the browser's language. */
export const localeItem = storage.defineItem<Locale | null>("local:locale", { fallback: null });
