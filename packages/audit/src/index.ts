// @partner-trust/audit: the moderators' site audits A1–A7 (browser-safe part; Node-only parts under "./node").
export { auditSite, type SiteAudit } from "./audit.ts";
export { type PartnerCard, PartnerCardSchema } from "./card.ts";
export { checkFooterOnPage, checkIntegration, footerState, isVendorLink } from "./checks/a1-integration.ts";
export { type ContactMismatch, checkContacts } from "./checks/a2-contacts.ts";
export {
  checkLicense,
  isCompositeCached,
  licenseHash,
  type PoweredBy,
  parsePoweredBy,
  uncachedRequest,
} from "./checks/a3-license.ts";
export { checkDomain, normaliseDomainLabels, trademarkInDomain } from "./checks/a4-domain.ts";
export { checkTemplate, type TemplateUse, templateReferences } from "./checks/a5-template.ts";
export { checkMirror, compareFingerprints, fingerprintText, NEAR_DUPLICATE } from "./checks/a6-mirror.ts";
export { checkProduct } from "./checks/a7-product.ts";
export { addressTokens, normaliseAddress, sameAddress } from "./contacts/address.ts";
export { extractContacts, type FoundContact, normaliseEmail, normalisePhone } from "./contacts/extract.ts";
export { SITE_MANAGER_EDITIONS } from "./data/editions.ts";
export { STANDARD_TEMPLATES } from "./data/templates.ts";
export { visibleText } from "./dom/walk.ts";
export type { AuditRule, Evidence, Finding, Message, Verdict } from "./finding.ts";
export { type FooterState, footerCandidates, footerLetters, footerStateOf } from "./footer.ts";
export { type BrowserFetchOptions, fetchPage } from "./net/browser-fetch.ts";
export {
  type CrawlBounds,
  type CrawledPage,
  type CrawlerOptions,
  type CrawlProgress,
  type CrawlResult,
  crawl,
  type FetchLimits,
  type PageFetcher,
  parseSitemap,
  type StopReason,
} from "./net/crawler.ts";
export { decodeHtml } from "./net/decode.ts";
export { FetchError, type FetchErrorCode, type FetchResult } from "./net/types.ts";
export { type HeaderMap, headersFromFetch, headerValue, headerValues, type PageSnapshot } from "./page.ts";
export { type KnownKey, type PageView, type ProjectFingerprint, type SiteInput, viewOf } from "./site.ts";
export { auditSiteUncached, type UncachedFetch } from "./uncached.ts";
export { createComputedVisibility } from "./visibility/computed.ts";
export { createStaticVisibility } from "./visibility/static.ts";
export type { HiddenReason, Visibility, VisibilityStrategy } from "./visibility/types.ts";
