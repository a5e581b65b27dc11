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

/** Loads test/fixtures/badge-frame.html under another host name (*.test → 127.0.0.1) and returns its badge's state. */
export function badgeOnHost(host: string, partner: string, server = ""): Promise<FrameReport> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement("iframe");
    const url = new URL(`http://${host}:${location.port}/test/fixtures/badge-frame.html`);
    url.searchParams.set("partner", partner);
    if (server) url.searchParams.set("server", server);
    const timer = setTimeout(() => reject(new Error(`no answer from ${url}`)), 8000);
    const onMessage = (e: MessageEvent<FrameReport>) => {
      if (e.source !== frame.contentWindow) return;
      clearTimeout(timer);
      removeEventListener("message", onMessage);
      frame.remove();
      resolve(e.data);
    };
    addEventListener("message", onMessage);
    frame.src = url.href;
    document.body.append(frame);
  });
}
