// Registers <pt-quality-seal> (once, even if the page loads the bundle twice).
import PtQualitySeal from "./quality-seal.component.ts";

export { PtQualitySeal };
export default PtQualitySeal;

if (!customElements.get("pt-quality-seal")) customElements.define("pt-quality-seal", PtQualitySeal);

declare global {
  interface HTMLElementTagNameMap {
    "pt-quality-seal": PtQualitySeal;
  }
}
