// Runs every check over a site: one finding per check, plus A1's per-page findings.
import { checkIntegration } from "./checks/a1-integration.ts";
import { checkContacts } from "./checks/a2-contacts.ts";
import { checkLicense } from "./checks/a3-license.ts";
import { checkDomain } from "./checks/a4-domain.ts";
import { checkTemplate } from "./checks/a5-template.ts";
import { checkMirror } from "./checks/a6-mirror.ts";
import { checkProduct } from "./checks/a7-product.ts";
import type { Finding } from "./finding.ts";
import type { SiteInput } from "./site.ts";

export interface SiteAudit {
  findings: Finding[];
  /** pageFindings[i] belongs to input.pages[i]. */
  pageFindings: Finding[][];
}

export function auditSite(input: SiteInput): SiteAudit {
  if (input.pages.length === 0) throw new Error("auditSite: at least one page is needed");
  const a1 = checkIntegration(input);
  const findings = [
    a1.finding,
    checkContacts(input),
    checkLicense(input),
    checkDomain(input.url),
    checkTemplate(input),
    checkMirror(input),
    checkProduct(input),
  ];
  return { findings, pageFindings: a1.pageFindings.map((f) => [f]) };
}
