// Least privilege: the audited site's origin is requested at audit time; the content script is injected
// only then (runtime registration, no static content_scripts).
import { browser } from "#imports";
import { sendMessage } from "./messaging.ts";

export function isAuditable(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

/** The match pattern for one site: its scheme and host, any path (and any port). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Must be the first await of a click handler: the browser asks the moderator only within a user gesture. */
export function requestSiteAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}

/** Injects the content script unless it already answers. */
export async function ensureContentScript(tabId: number): Promise<void> {
  const alive = await sendMessage("ping", undefined, tabId).catch(() => undefined);
  if (alive === "pong") return;
  await browser.scripting.executeScript({ target: { tabId }, files: ["/content-scripts/content.js"] });
}

/** The server origin must be a host permission too (CORS is skipped only for granted hosts). */
export function serverPattern(serverUrl: string): string {
  return originPattern(serverUrl);
}

/** The server's origin as a host permission (granted already for the default localhost server). */
export function requestServerAccess(serverUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [serverPattern(serverUrl)] });
}
