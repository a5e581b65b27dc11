// Registers <pt-competency-emblems> (once, even if the page loads the bundle twice).
import PtCompetencyEmblems from "./competency-emblems.component.ts";

export { PtCompetencyEmblems };
export default PtCompetencyEmblems;

if (!customElements.get("pt-competency-emblems"))
  customElements.define("pt-competency-emblems", PtCompetencyEmblems);

declare global {
  interface HTMLElementTagNameMap {
    "pt-competency-emblems": PtCompetencyEmblems;
  }
}
