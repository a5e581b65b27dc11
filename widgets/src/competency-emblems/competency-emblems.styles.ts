// Styles of <pt-competency-emblems>: a wrapping list of pill-shaped links.
import { css } from "../core/css.ts";

export default css`
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .root {
    border-radius: var(--pt-radius, 99px);
    padding: 0.25em 0.75em 0.25em 0.3em;
  }
  svg {
    width: 1.4em;
    height: 1.4em;
  }
`;
