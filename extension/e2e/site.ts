// The audited site for the e2e test: the nfr-good fixture of @partner-trust/audit served as a project of
// the demo partner, with the project's key in X-Powered-CMS; on the start page a script hides the footer
// after load — only an audit of the LIVE page (computed visibility) can see that.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { licenseHash } from "@partner-trust/audit";

const FIXTURE = new URL("../../packages/audit/fixtures/nfr-good/", import.meta.url);

export const HIDE_FOOTER = `<script>addEventListener("DOMContentLoaded", () => { for (const f of document.querySelectorAll("footer")) f.style.display = "none"; });</script>`;

export async function startSite(
  licenseKey: string,
): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push(req.url ?? "/");
    const file = path === "/" ? "index.html" : path.slice(1);
    try {
      let body = await readFile(new URL(file, FIXTURE), "utf8");
      body = body.replaceAll("http://SITE", `http://${req.headers.host}`);
      if (file === "index.html") body = body.replace("</body>", `${HIDE_FOOTER}</body>`);
      res.writeHead(200, {
        "content-type": file.endsWith(".xml")
          ? "application/xml"
          : file.endsWith(".txt")
            ? "text/plain"
            : "text/html; charset=utf-8",
        "x-powered-cms": `Bitrix Site Manager (${licenseHash(licenseKey)})`,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
