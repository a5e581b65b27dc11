// Browser-side helpers for the widget tests: a fresh signing-server namespace per test, its request counts,
// and waiting for a widget to settle.
import { waitUntil } from "@open-wc/testing";
import type { PartnerElement } from "../src/core/partner-element.ts";

let counter = 0;

/** A fresh server base URL on the test signing server ("rot-…" namespaces rotate their keys). */
export function newServer(prefix = "t"): string {
  counter++;
  return `${location.origin}/pt/${prefix}-${Date.now().toString(36)}-${counter}`;
}

export interface Stats {
  status: number;
  jwks: number;
  jwksBeforeToken: number;
  beacons: { partner: string; url: string; compliant: boolean; problems: string[] }[];
}

export async function stats(server: string): Promise<Stats> {
  return (await fetch(`${server}/__stats`)).json();
}

/** Waits until the widget has a verdict (not loading) and has rendered it. */
export async function settled<T extends PartnerElement>(el: T, timeout = 6000): Promise<T> {
  await waitUntil(() => el.state !== "loading", `${el.localName} still loading`, { timeout });
  await el.updateComplete;
  return el;
}

/** The widget's visible text, whitespace collapsed. */
export const textOf = (el: Element) => (el.shadowRoot?.textContent ?? "").replace(/\s+/g, " ").trim();

/** A server nothing listens on (connection refused). */
export const DOWN = "http://127.0.0.1:9";

export interface FrameReport {
  host: string;
  state: string;
  text: string;
  href: string | null;
}

let frames = 0;

/**
 * Loads test/fixtures/badge-frame.html under another host name (*.test → 127.0.0.1) and returns its badge's
 * state. `script` loads the widget from another origin; `framedBy` puts the page inside a page on that host.
 */
export function badgeOnHost(
  host: string,
  partner: string,
  options: { server?: string; script?: string; framedBy?: string } = {},
): Promise<FrameReport> {
  return new Promise((resolve, reject) => {
    const id = String(++frames);
    const origin = (h: string) => `http://${h}:${location.port}`;
    const url = new URL(`${origin(host)}/test/fixtures/badge-frame.html`);
    url.searchParams.set("partner", partner);
    url.searchParams.set("id", id);
    if (options.server) url.searchParams.set("server", options.server);
    if (options.script) url.searchParams.set("script", options.script);
    const frame = document.createElement("iframe");
    frame.src = options.framedBy
      ? `${origin(options.framedBy)}/test/fixtures/framing-page.html?src=${encodeURIComponent(url.href)}`
      : url.href;
    const timer = setTimeout(() => reject(new Error(`no answer from ${url}`)), 8000);
    const onMessage = (e: MessageEvent<FrameReport & { id: string }>) => {
      if (e.data?.id !== id) return;
      clearTimeout(timer);
      removeEventListener("message", onMessage);
      frame.remove();
      resolve(e.data);
    };
    addEventListener("message", onMessage);
    document.body.append(frame);
  });
}
