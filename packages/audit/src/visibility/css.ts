// Reads which declarations would hide an element; shared by the static (Node) strategy's inline and <style> parts.
import type { HiddenReason } from "./types.ts";
import { clipHides, clipPathHides } from "./values.ts";

export type Declarations = Map<string, string>;

export function parseDeclarations(text: string): Declarations {
  const out: Declarations = new Map();
  for (const part of text.split(";")) {
    const i = part.indexOf(":");
    if (i < 0) continue;
    const prop = part.slice(0, i).trim().toLowerCase();
    const value = part
      .slice(i + 1)
      .replace(/!\s*important/i, "")
      .trim()
      .toLowerCase();
    if (prop && value) out.set(prop, value);
  }
  return out;
}

/** Parses a stylesheet into [selector, declarations] rules; @-rule blocks (@media, @supports…) are skipped. */
export function parseStylesheet(css: string): Array<[string, Declarations]> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const rules: Array<[string, Declarations]> = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    // find the matching close brace
    let depth = 1;
    let j = open + 1;
    while (j < text.length && depth > 0) {
      if (text[j] === "{") depth++;
      else if (text[j] === "}") depth--;
      j++;
    }
    if (!prelude.startsWith("@")) rules.push([prelude, parseDeclarations(text.slice(open + 1, j - 1))]);
    i = j;
  }
  return rules;
}

function px(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(-?\d*\.?\d+)(px|em|rem|%|vw|vh)?$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === "em" || m[2] === "rem" ? n * 16 : n;
}

const OFF_SCREEN = -500;

function isZero(value: string | undefined): boolean {
  return value !== undefined && px(value) === 0;
}

/** The reason these declarations hide their element itself (inherited properties are resolved by the caller). */
export function hidingReason(d: Declarations): HiddenReason | undefined {
  if (d.get("display") === "none") return "display-none";
  const opacity = d.get("opacity");
  if (opacity !== undefined && Number.parseFloat(opacity) === 0) return "opacity-0";
  const overflow = d.get("overflow") ?? d.get("overflow-y") ?? d.get("overflow-x");
  const clipsOverflow = overflow === "hidden" || overflow === "clip";
  if (
    clipsOverflow &&
    (isZero(d.get("width")) ||
      isZero(d.get("height")) ||
      isZero(d.get("max-height")) ||
      isZero(d.get("max-width")))
  )
    return "zero-size";
  if (isZero(d.get("font-size"))) return "zero-size";
  if (/scale\(\s*0\s*\)|scale[xy]\(\s*0\s*\)/.test(d.get("transform") ?? "")) return "zero-size";
  const position = d.get("position");
  if (position === "absolute" || position === "fixed") {
    for (const side of ["left", "top", "right", "bottom"]) {
      const n = px(d.get(side));
      if (n !== undefined && n <= OFF_SCREEN) return "off-screen";
    }
    const clip = d.get("clip");
    if (clip && clipHides(clip)) return "clipped";
  }
  const indent = px(d.get("text-indent"));
  if (indent !== undefined && indent <= OFF_SCREEN) return "off-screen";
  const clipPath = d.get("clip-path");
  if (clipPath && clipPathHides(clipPath)) return "clipped";
  return undefined;
}
