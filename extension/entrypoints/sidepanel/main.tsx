// Side panel page (also opened as a tab with ?tabId= to bind it to one tab).
import { render } from "preact";
import { App } from "../../components/App.tsx";
import "../../components/style.css";
import { loadLocale } from "../../utils/i18n.ts";

const tabId = new URLSearchParams(location.search).get("tabId");
void loadLocale().then(() =>
  render(<App {...(tabId ? { tabId: Number(tabId) } : {})} />, document.getElementById("app")!),
);
