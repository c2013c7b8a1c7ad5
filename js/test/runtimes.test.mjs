// The package in other runtimes: Deno (npm package `deno`) and Cloudflare's workerd (npm
// package `workerd`, a Worker on 127.0.0.1 that presigns on request). Each loads the package
// through its own entry and reproduces the AWS documentation example.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { EXPECTED } from "./runtimes/aws-example.mjs";
import { freePort } from "./support/s3s.mjs";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("Node resolves the package by name to its node entry (package.json exports)", async () => {
  const byName = await import("presign");
  const byPath = await import("../lib/node.js");
  assert.equal(byName.Presigner, byPath.Presigner);
});

test("Deno loads the package and reproduces the AWS example", () => {
  const r = spawnSync(bin("deno"), ["run", "--no-config", "--allow-read=dist", "test/runtimes/deno-smoke.mjs"], {
    cwd: pkg,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), EXPECTED);
});

test("workerd: a Worker on 127.0.0.1 presigns and verifies on request", async () => {
  let lastError = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn(bin("workerd"), ["serve", "test/runtimes/workerd-config.capnp", "--socket-addr", `http=127.0.0.1:${port}`], {
      cwd: pkg,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    let exited = false;
    child.once("exit", () => (exited = true));
    try {
      const base = `http://127.0.0.1:${port}`;
      let answer;
      for (const deadline = Date.now() + 20_000; Date.now() < deadline && !exited; await sleep(100)) {
        try {
          answer = await fetch(`${base}/aws-example`);
          break;
        } catch {
          // not listening yet
        }
      }
      if (!answer) {
        lastError = `port ${port}: ${exited ? "workerd exited" : "no answer"}: ${log}`;
        continue;
      }
      assert.equal(answer.status, 200, log);
      assert.equal(await answer.text(), EXPECTED);

      const before = Date.now();
      const p = await (await fetch(`${base}/presign?bucket=my-bucket&key=${encodeURIComponent("a b/ü.txt")}`)).json();
      assert.ok(p.url.startsWith("https://my-bucket.acct.r2.cloudflarestorage.com/a%20b/%C3%BC.txt?"), p.url);
      assert.equal(p.method, "GET");
      const expires = Date.parse(p.expiresAt);
      assert.ok(expires >= Math.floor(before / 1000) * 1000 + 900_000 - 1000 && expires <= Date.now() + 900_000, p.expiresAt);

      const ok = await fetch(`${base}/verify?url=${encodeURIComponent(p.url)}`);
      assert.equal(ok.status, 200);
      assert.equal((await ok.json()).accessKeyId, "AKIAIOSFODNN7EXAMPLE");
      const tampered = p.url.replace("a%20b", "a%20c");
      const refused = await fetch(`${base}/verify?url=${encodeURIComponent(tampered)}`);
      assert.equal(refused.status, 403);
      assert.deepEqual(await refused.json().then((j) => [j.code, j.s3Code]), ["signature-does-not-match", "SignatureDoesNotMatch"]);

      const bad = await (await fetch(`${base}/presign?bucket=A&key=k`)).json();
      assert.equal(bad.code, "invalid-bucket-name");
      return;
    } finally {
      if (!exited) child.kill("SIGTERM");
    }
  }
  assert.fail(`workerd did not start: ${lastError}`);
});
