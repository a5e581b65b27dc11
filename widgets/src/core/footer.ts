// W4 / R6.2c in the browser: the page's footer judged by @partner-trust/audit's footer finder and computed
// visibility (the same code as A1), reported in the widget's shape {compliant, problems}.
import {
  createComputedVisibility,
  footerCandidates,
  footerStateOf,
  type HiddenReason,
} from "@partner-trust/audit/footer";

export type FooterProblem = "missing" | "no-link" | "wrong-link" | HiddenReason;

export interface FooterCheck {
  compliant: boolean;
  problems: FooterProblem[];
}

/** Checks that `root` (the page body by default) visibly shows the required footer text with its link. */
export function checkFooter(root: Element = document.body, ignore?: Element): FooterCheck {
  const found = footerCandidates(root).filter((el) => !ignore?.contains(el));
  const s = footerStateOf(found, createComputedVisibility(window), location.href);
  return s.ok
    ? { compliant: true, problems: [] }
    : { compliant: false, problems: [s.problem === "hidden" ? s.reason : s.problem] };
}
