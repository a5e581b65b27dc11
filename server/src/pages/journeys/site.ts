// A partner's own website for the journeys: one node:http server on 127.0.0.1 answering for any host name
// (Chromium maps the names here with --host-resolver-rules), each page embedding the real widgets the way the
// cabinet's embed code says.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export async function startPartnerSite(embedHtml: string) {
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? "").split(":")[0];
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${host}</title>
<style>body { font: 18px/1.5 sans-serif; margin: 0; background: #f4efe6; color: #222 }
header { background: #2d4a7a; color: #fff; padding: 1.5rem 2rem } main { padding: 2rem; max-width: 50rem }</style></head>
<body><header><h1>${host}</h1><p>Веб-студия: сайты и порталы на «1С-Битрикс»</p></header>
<main><p>Разработка, поддержка и продвижение сайтов. Мы — партнёр 1С-Битрикс: проверьте наш статус.</p>
${embedHtml}</main>
</body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host: string) => `http://${host}:${port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
