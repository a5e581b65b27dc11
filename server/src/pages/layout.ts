// The one HTML frame of the server-rendered pages: Russian document, readable without any script.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

export function page(title: string, body: Content, head: Content | string = "") {
  return html`<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
  [lang="en"] { color: #4a5560; }
  dt { font-weight: 600; margin-top: .75rem; }
  dd { margin-left: 0; }
  .ok, .bad { padding: .75rem 1rem; border-radius: .5rem; }
  .ok { background: #e3f5e8; border: 1px solid #1e7a3c; }
  .bad { background: #fde8e8; border: 1px solid #b42318; }
  a { color: #0b5cad; }
  section { border-top: 1px solid #d0d7de; padding: 1rem 0; }
  code { background: #f3f4f6; padding: 0 .25rem; }
</style>
${head}
</head>
<body><main>${body}</main></body>
</html>`;
}
