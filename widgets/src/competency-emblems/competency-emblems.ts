// Registers <pt-competency-emblems> (once, even if the page loads the bundle twice).
import { define } from "../core/define.ts";
import PtCompetencyEmblems from "./competency-emblems.component.ts";

export { PtCompetencyEmblems };
export default PtCompetencyEmblems;

define("pt-competency-emblems", PtCompetencyEmblems);

declare global {
  interface HTMLElementTagNameMap {
    "pt-competency-emblems": PtCompetencyEmblems;
  }
}
