// Signing in and out: the bearer token from better-auth goes to typed storage, never to page contexts.
import { type Api, createApi, type Fetch } from "./api.ts";
import { type SessionInfo, serverUrlItem, sessionItem } from "./storage.ts";

export async function signIn(email: string, password: string, doFetch?: Fetch): Promise<SessionInfo> {
  const serverUrl = await serverUrlItem.getValue();
  const { token, user } = await createApi(serverUrl, null, doFetch).signIn(email, password);
  const session: SessionInfo = { token, email: user.email, name: user.name, role: user.role };
  await sessionItem.setValue(session);
  return session;
}

export async function signOut(doFetch?: Fetch): Promise<void> {
  const session = await sessionItem.getValue();
  if (session) await createApi(await serverUrlItem.getValue(), session.token, doFetch).signOut();
  await sessionItem.setValue(null);
}

/** The API for the stored server and session. */
export async function currentApi(doFetch?: Fetch): Promise<Api> {
  const [serverUrl, session] = await Promise.all([serverUrlItem.getValue(), sessionItem.getValue()]);
  return createApi(serverUrl, session?.token ?? null, doFetch);
}
