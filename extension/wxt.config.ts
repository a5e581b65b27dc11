// WXT build config: Preact through its Vite preset; Chrome MV3 (side_panel), Firefox MV2 (sidebar_action).
import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser }) => ({
    name: "Partner Trust — аудит сайтов / site audits",
    description: "Аудит сайтов партнёров 1С-Битрикс (A1–A7) на месте / Audits partner sites in place (A1–A7)",
    // Least privilege: no host access by default; a site's origin is requested when it is audited.
    permissions: ["storage", "scripting", "activeTab", "sidePanel"],
    optional_permissions: ["tabs"],
    optional_host_permissions: ["http://*/*", "https://*/*"],
    // The Partner Trust server (default http://localhost:8787; another server is requested when set).
    // The e2e build also has the test sites' host so no permission prompt (which automation cannot answer) appears.
    host_permissions: [
      "http://localhost/*",
      "http://127.0.0.1/*",
      ...(mode === "e2e" ? ["http://alfa-client-1.ru/*", "http://alfa-web.ru/*"] : []),
    ],
    action: { default_title: "Partner Trust" },
    ...(browser === "firefox" && {
      browser_specific_settings: { gecko: { id: "partner-trust@1c-bitrix.local" } },
    }),
  }),
});
