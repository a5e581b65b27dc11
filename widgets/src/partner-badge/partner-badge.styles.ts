// Styles of <pt-partner-badge>: a name, the protected status line and the date.
import { css } from "../core/css.ts";

export default css`
  .mark-box {
    width: 2.2em;
    height: 2.2em;
    overflow: clip;
    contain: strict;
  }
  .mark-box svg {
    width: 100%;
    height: 100%;
  }
  .body {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.2em;
  }
  .name {
    font-weight: 600;
    color: var(--pt-name-color, var(--_fg));
  }
  .until {
    font-size: 0.85em;
    color: var(--_muted);
  }
  :host([size="s"]) .until {
    display: none;
  }
`;
