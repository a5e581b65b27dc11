// Registers <pt-partner-badge> (once, even if the page loads the bundle twice).
import PtPartnerBadge from "./partner-badge.component.ts";

export { PtPartnerBadge };
export default PtPartnerBadge;

if (!customElements.get("pt-partner-badge")) customElements.define("pt-partner-badge", PtPartnerBadge);

declare global {
  interface HTMLElementTagNameMap {
    "pt-partner-badge": PtPartnerBadge;
  }
}
