// Options page: the server URL and the moderator's sign-in.
import { render } from "preact";
import { LocaleSwitch } from "../../components/LocaleSwitch.tsx";
import { SignIn } from "../../components/SignIn.tsx";
import "../../components/style.css";
import { loadLocale, t } from "../../utils/i18n.ts";

void loadLocale().then(() =>
  render(
    <main>
      <header>
        <h1>Partner Trust · {t("signIn")}</h1>
        <LocaleSwitch />
      </header>
      <SignIn />
    </main>,
    document.getElementById("app")!,
  ),
);
