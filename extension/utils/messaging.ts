// Typed messages between the side panel and the content script (no `message.type` strings).
import type { CrawlProgress, Finding, KnownKey, PartnerCard } from "@partner-trust/audit";
import { defineExtensionMessaging } from "@webext-core/messaging";

export interface LiveAuditRequest {
  card?: PartnerCard;
  knownKeys?: KnownKey[];
  /** Crawl the site's other pages (A1) — false: the live page only. */
  crawl: boolean;
  maxPages?: number;
}

export interface LiveAuditResult {
  url: string;
  host: string;
  /** One finding per check, A1–A7. */
  findings: Finding[];
  /** Per page (A1); pages[0] is the live page. */
  pages: { url: string; status: number; live: boolean; findings: Finding[] }[];
  skipped: { url: string; reason: string }[];
  stoppedBy?: string;
  /** The start page's response headers as read by the re-fetch (null when it failed). */
  headersRead: boolean;
}

export interface ElementBox {
  /** Viewport rectangle in CSS pixels, after scrolling the element into view. */
  rect: { x: number; y: number; width: number; height: number };
  devicePixelRatio: number;
}

interface ProtocolMap {
  ping(): "pong";
  runLiveAudit(request: LiveAuditRequest): LiveAuditResult;
  /** Scrolls the element into view and outlines it; null when no element matches. */
  highlight(data: { selector: string }): ElementBox | null;
  clearHighlight(): void;
  auditProgress(progress: CrawlProgress): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
