// Visibility is a strategy: computed style and layout in a browser, what the HTML says in Node.

export type HiddenReason =
  | "hidden-attribute"
  | "aria-hidden"
  | "display-none"
  | "visibility-hidden"
  | "opacity-0"
  | "zero-size"
  | "off-screen"
  | "clipped"
  | "transparent-text";

export type Visibility = { visible: true } | { visible: false; reason: HiddenReason; element: Element };

export interface VisibilityStrategy {
  /** Whether the element (and so its text) can be seen, taking its ancestors into account. */
  check(element: Element): Visibility;
  /**
   * Optional fast path for walks from a visible root down, which only descend into visible elements: the
   * element's visibility when its parent is known to be visible (same answer as `check`).
   */
  checkUnderVisible?(element: Element): Visibility;
}

export const VISIBLE: Visibility = { visible: true };
