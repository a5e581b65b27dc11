// The css`` tag for our style blocks, which never interpolate: Lit's own tag carries value-checking code and
// its error message, ~150 B gzip of the 12 KB budget, for nothing here. The result is the same CSSResult.
import { type CSSResult, unsafeCSS } from "lit";

export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings.join(""));
