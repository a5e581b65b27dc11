// `pnpm demo`: bundles the widgets and serves demo/index.html with the bundle at /widgets/v1/partner-trust.js and
// the test signing server (tokens for every state) on a free port, as the real server would.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { bundle, root } from "../scripts/bundle.ts";
import { createSigningServer, readBody } from "../test/signing-server.ts";

await bundle();
const signing = createSigningServer();
const files: Record<string, [string, string]> = {
  "/": ["demo/index.html", "text/html; charset=utf-8"],
  "/widgets/v1/partner-trust.js": ["dist/partner-trust.js", "text/javascript; charset=utf-8"],
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const signed = await signing({
    method: req.method ?? "GET",
    path: url.pathname,
    host: req.headers.host ?? "localhost",
    body: () => readBody(req),
  });
  if (signed?.drop) {
    req.socket.destroy();
    return;
  }
  if (signed) {
    res.writeHead(signed.status, signed.headers).end(signed.body);
    return;
  }
  const file = files[url.pathname];
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  res
    .writeHead(200, { "content-type": file[1], "cache-control": "no-store" })
    .end(await readFile(root + file[0]));
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`Partner Trust widgets demo: http://localhost:${port}/`);
});
