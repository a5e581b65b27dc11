// Registers <pt-quality-seal> (once, even if the page loads the bundle twice).
import { define } from "../core/define.ts";
import PtQualitySeal from "./quality-seal.component.ts";

export { PtQualitySeal };
export default PtQualitySeal;

define("pt-quality-seal", PtQualitySeal);

declare global {
  interface HTMLElementTagNameMap {
    "pt-quality-seal": PtQualitySeal;
  }
}
