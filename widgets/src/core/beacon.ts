// W4 report: POST the footer check to the server once per page and day (remembered in localStorage).
import { footerChecksUrl } from "./server.ts";

export interface FooterReport {
  url: string;
  compliant: boolean;
  problems: string[];
}

const day = () => new Date().toISOString().slice(0, 10);

/** Sends the report unless this page already reported today; returns whether it sent. */
export function reportFooter(server: string, partner: string, report: FooterReport): boolean {
  const key = `pt-footer-check:${partner}:${location.origin}${location.pathname}`;
  try {
    if (localStorage.getItem(key) === day()) return false;
    localStorage.setItem(key, day());
  } catch {
    // Storage blocked: still report, the server de-duplicates by day.
  }
  void fetch(footerChecksUrl(server, partner), {
    method: "POST",
    keepalive: true,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(report),
  }).catch(() => {});
  return true;
}
