// Where the widgets talk to: the element's `server` attribute, else the origin the bundle was loaded from.

/** The origin that served this script (the server serves the bundle at /widgets/v1/partner-trust.js). */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * The server base URL without a trailing slash. The trust anchor is the origin that served the script: a
 * `server` on another origin is refused (throws), or a partner could point the vendor's widget at a server
 * of its own that signs whatever status it likes. Relative values resolve against that origin.
 */
export function serverBase(attribute: string | undefined): string {
  const url = new URL(attribute || "/", `${SCRIPT_ORIGIN}/`);
  if (url.origin !== SCRIPT_ORIGIN) throw new TypeError();
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export const statusUrl = (server: string, partner: string) =>
  `${server}/api/v1/public/partners/${encodeURIComponent(partner)}/status`;
export const jwksUrl = (server: string) => `${server}/.well-known/jwks.json`;
export const footerChecksUrl = (server: string, partner: string) =>
  `${server}/api/v1/public/partners/${encodeURIComponent(partner)}/footer-checks`;
export const partnerPageUrl = (server: string, partner: string) =>
  `${server}/partners/${encodeURIComponent(partner)}`;
export const competencyUrl = (server: string, competency: string) =>
  `${server}/partners?competency=${encodeURIComponent(competency)}`;

/** The verification page, told which host shows the widget so it can say "genuine" or "not registered". */
export function withHost(url: string): string {
  const u = new URL(url);
  u.searchParams.set("host", location.hostname);
  return u.href;
}
