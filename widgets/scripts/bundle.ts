// The esbuild bundle of the widgets (shared by `build` and the size check): one minified ES module, Lit
// included, decorators compiled, Lit's css`` blocks minified, non-ASCII kept as UTF-8 (module scripts are).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** Collapses whitespace and comments inside css`…` template literals (ours hold no strings that care). */
export function minifyCss(source: string): string {
  return source.replace(/css`([^`]*)`/g, (_, body: string) => {
    const min = body
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\s+/g, " ")
      .replace(/\s*([{};,>/])\s*/g, "$1")
      .replace(/:\s+/g, ":")
      .replace(/([^\w.-])0\.(\d)/g, "$1.$2")
      .replace(/;}/g, "}")
      .trim();
    return `css\`${min}\``;
  });
}

/** Drops the formatting whitespace (runs with a newline) from the text parts of html`…` templates. */
export function minifyHtml(source: string): string {
  let out = "";
  let i = 0;
  const squeeze = (text: string) =>
    text
      .replace(/[ \t]*\n\s*/g, (_, at: number, all: string) => {
        const before = all[at - 1];
        const after = all[at + _.length];
        // Between tags nothing is needed; next to an expression or inside a tag, one space keeps the syntax.
        return before === ">" || after === "<" || after === ">" ? "" : " ";
      })
      // Quotes around a one-word attribute value (class="root" → class=root); kept before "/", which an
      // unquoted value would swallow.
      .replace(/(\s[\w-]+)="([\w-]+)"(?=[\s>])/g, "$1=$2");
  // Copies an expression `${…}` (from after "${" to its "}"), minifying nested html`` templates.
  const expression = () => {
    let depth = 1;
    while (i < source.length && depth > 0) {
      const c = source[i]!;
      if (c === "`") {
        const tagged = source.slice(Math.max(0, i - 4), i) === "html";
        out += c;
        i++;
        template(tagged);
        continue;
      }
      if (c === '"' || c === "'") {
        const end = source.indexOf(c, i + 1);
        out += source.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      if (c === "{") depth++;
      if (c === "}") depth--;
      out += c;
      i++;
    }
  };
  // Copies a template's body up to and including its closing backtick.
  const template = (minify: boolean) => {
    let text = "";
    while (i < source.length) {
      const c = source[i]!;
      if (c === "\\") {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (c === "`" || (c === "$" && source[i + 1] === "{")) {
        out += minify ? squeeze(text) : text;
        text = "";
        if (c === "`") {
          out += c;
          i++;
          return;
        }
        out += "${";
        i += 2;
        expression();
      } else {
        text += c;
        i++;
      }
    }
    out += text;
  };
  while (i < source.length) {
    const at = source.indexOf("html`", i);
    if (at < 0) break;
    out += source.slice(i, at + 5);
    i = at + 5;
    template(true);
  }
  return out + source.slice(i);
}

export const minifyTemplates: Plugin = {
  name: "lit-template-minify",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      return { contents: minifyHtml(minifyCss(source)), loader: "ts" };
    });
  },
};

export async function bundle(outfile = `${root}dist/partner-trust.js`): Promise<void> {
  await build({
    entryPoints: [`${root}src/index.ts`],
    outfile,
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    tsconfig: `${root}tsconfig.json`,
    plugins: [minifyTemplates],
  });
}
