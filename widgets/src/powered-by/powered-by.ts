// Registers <pt-powered-by> (once, even if the page loads the bundle twice).
import { define } from "../core/define.ts";
import PtPoweredBy from "./powered-by.component.ts";

export { PtPoweredBy };
export default PtPoweredBy;

define("pt-powered-by", PtPoweredBy);

declare global {
  interface HTMLElementTagNameMap {
    "pt-powered-by": PtPoweredBy;
  }
}
