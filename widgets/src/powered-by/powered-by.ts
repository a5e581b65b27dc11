// Registers <pt-powered-by> (once, even if the page loads the bundle twice).
import PtPoweredBy from "./powered-by.component.ts";

export { PtPoweredBy };
export default PtPoweredBy;

if (!customElements.get("pt-powered-by")) customElements.define("pt-powered-by", PtPoweredBy);

declare global {
  interface HTMLElementTagNameMap {
    "pt-powered-by": PtPoweredBy;
  }
}
