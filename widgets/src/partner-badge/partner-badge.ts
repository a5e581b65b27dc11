// Registers <pt-partner-badge> (once, even if the page loads the bundle twice).
import { define } from "../core/define.ts";
import PtPartnerBadge from "./partner-badge.component.ts";

export { PtPartnerBadge };
export default PtPartnerBadge;

define("pt-partner-badge", PtPartnerBadge);

declare global {
  interface HTMLElementTagNameMap {
    "pt-partner-badge": PtPartnerBadge;
  }
}
