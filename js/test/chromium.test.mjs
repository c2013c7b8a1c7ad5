// Chromium (Debian's /usr/bin/chromium, headless, driven by playwright-core): the package
// loads in a page through its browser entry and the URLs it presigns work from the page.
// A test server on 127.0.0.1 serves the package and forwards every other request to s3s-fs
// byte for byte (raw target, every header including Host, the body), so the page and "S3" share
// an origin. The CORS side of browser uploads is the browser suite's (tests/browser, #12).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, request } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";
import { ACCESS_KEY, SECRET_KEY, startS3s } from "./support/s3s.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// Headless as root on a machine without internet (as tests/browser/webdriver.py).
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
const pkg = new URL("..", import.meta.url);
const STATIC = {
  "/page.html": ["test/runtimes/chromium-page.html", "text/html"],
  "/lib/browser.js": ["lib/browser.js", "text/javascript"],
  "/lib/api.js": ["lib/api.js", "text/javascript"],
  "/lib/memory.js": ["lib/memory.js", "text/javascript"],
  "/dist/presign.js": ["dist/presign.js", "text/javascript"],
  "/dist/presign_bg.wasm": ["dist/presign_bg.wasm", "application/wasm"],
};
const bucket = "js-chromium";
let s3s;
let server;
let browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  server = createServer(async (req, res) => {
    const file = STATIC[req.url];
    if (file && req.method === "GET") {
      res.writeHead(200, { "content-type": file[1], "cache-control": "no-store" });
      res.end(await readFile(fileURLToPath(new URL(file[0], pkg))));
      return;
    }
    const upstream = request({ host: "127.0.0.1", port: s3s.port, method: req.method, path: req.url, headers: req.rawHeaders, setHost: false }, (up) => {
      res.writeHead(up.statusCode, up.rawHeaders);
      up.pipe(res);
    });
    upstream.on("error", (e) => res.destroy(e));
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  // s3s-fs receives the page origin's Host: it must accept it.
  s3s = await startS3s([bucket], { domains: [`127.0.0.1:${server.address().port}`] });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  s3s?.stop();
});

test("the package loads in a Chromium page and its URLs work there", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/page.html`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 20_000 });
  const out = await page.evaluate((args) => window.run(args), { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, bucket });
  assert.deepEqual(errors, []);
  assert.deepEqual(out, {
    put: 200,
    get: 200,
    body: "hi from chromium",
    head: 200,
    withoutHeaders: 403,
    tampered: 403,
    post: 204,
    postedBody: "form body",
    del: 204,
    error: [true, "invalid-bucket-name"],
    warnings: ["dot-segment-in-key"],
  });
});
