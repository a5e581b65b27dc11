// Server URL and e-mail + password sign-in (better-auth); shows who is signed in.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { t } from "../utils/i18n.ts";
import { signIn, signOut } from "../utils/session.ts";
import { requestServerAccess } from "../utils/site-access.ts";
import { type SessionInfo, serverUrlItem, sessionItem } from "../utils/storage.ts";

export function SignIn() {
  const server = useSignal("");
  const email = useSignal("");
  const password = useSignal("");
  const session = useSignal<SessionInfo | null>(null);
  const message = useSignal("");
  useEffect(() => {
    void serverUrlItem.getValue().then((v) => {
      server.value = v;
    });
    void sessionItem.getValue().then((v) => {
      session.value = v;
    });
    return sessionItem.watch((v) => {
      session.value = v;
    });
  }, []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    message.value = "";
    try {
      const url = new URL(server.value).origin;
      // A server other than the default needs its origin granted (a user gesture: first await).
      if (!(await requestServerAccess(url))) throw new Error(t("permissionDenied"));
      await serverUrlItem.setValue(url);
      session.value = await signIn(email.value, password.value);
      password.value = "";
    } catch (err) {
      message.value = `${t("error")}: ${err instanceof Error ? err.message : String(err)}`;
    }
  };

  if (session.value)
    return (
      <section class="signin">
        <p>
          {t("signedInAs")} <b data-testid="signed-in">{session.value.email}</b> ({session.value.role})
        </p>
        <button type="button" onClick={() => void signOut()}>
          {t("signOut")}
        </button>
      </section>
    );
  return (
    <form class="signin" onSubmit={onSubmit}>
      <label>
        {t("serverUrl")}
        <input name="server" value={server.value} onInput={(e) => (server.value = e.currentTarget.value)} />
      </label>
      <label>
        {t("email")}
        <input
          name="email"
          type="email"
          autoComplete="username"
          value={email.value}
          onInput={(e) => (email.value = e.currentTarget.value)}
        />
      </label>
      <label>
        {t("password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password.value}
          onInput={(e) => (password.value = e.currentTarget.value)}
        />
      </label>
      <button type="submit">{t("signIn")}</button>
      {message.value && <p class="error">{message.value}</p>}
    </form>
  );
}
