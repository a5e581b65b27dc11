// WXT build config: Preact through its Vite preset; Chrome MV3 (side_panel), Firefox MV2 (sidebar_action).
import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  zip: {
    artifactTemplate: "partner-trust-{{version}}-{{browser}}.zip",
    sourcesTemplate: "partner-trust-{{version}}-sources.zip",
    excludeSources: ["e2e/**", "**/*.test.ts", ".output/**"],
  },
  manifest: ({ mode, browser }) => ({
    name: "Partner Trust — аудит сайтов / site audits",
    description: "Аудит сайтов партнёров 1С-Битрикс (A1–A7) на месте / Audits partner sites in place (A1–A7)",
    // Least privilege: no host access by default; a site's origin is requested when it is audited.
    permissions: ["storage", "scripting", "activeTab", ...(browser === "firefox" ? [] : ["sidePanel"])],
    // MV2 (Firefox) has no optional_host_permissions: origins are optional permissions there.
    ...(browser === "firefox"
      ? { optional_permissions: ["tabs", "http://*/*", "https://*/*", "<all_urls>"] }
      : {
          optional_permissions: ["tabs"],
          optional_host_permissions: ["http://*/*", "https://*/*", "<all_urls>"],
        }),
    // The Partner Trust server (default http://localhost:8787; another server is requested when set).
    // The e2e build is granted up front what a moderator grants at audit time (the site; <all_urls> for a
    // screenshot when the panel was not opened from the toolbar), as automation cannot answer permission prompts.
    host_permissions: ["http://localhost/*", "http://127.0.0.1/*", ...(mode === "e2e" ? ["<all_urls>"] : [])],
    action: { default_title: "Partner Trust" },
    ...(browser === "firefox" && {
      browser_specific_settings: { gecko: { id: "partner-trust@1c-bitrix.local" } },
    }),
  }),
});
