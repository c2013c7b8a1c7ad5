// Starts s3s-fs (a real S3-compatible server that checks SigV4) on a free port of 127.0.0.1
// for a test, and stops it by PID. The binary: $S3S_FS, else where .ci/install-s3s-fs.sh puts
// it (${PRESIGN_TOOLS:-~/.cache/presign-tools}/bin/s3s-fs).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

export const ACCESS_KEY = "AKIAJSTESTKEY0000001";
export const SECRET_KEY = "js/test+secret/key/0000000000000000000000";

export function binary() {
  const tools = process.env.PRESIGN_TOOLS ?? join(homedir(), ".cache", "presign-tools");
  const bin = process.env.S3S_FS ?? join(tools, "bin", "s3s-fs");
  if (!existsSync(bin)) {
    throw new Error(`s3s-fs not found at ${bin}: run bash .ci/install-s3s-fs.sh (or set S3S_FS)`);
  }
  return bin;
}

/** A port that was free a moment ago (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts s3s-fs with these bucket folders; returns { port, endpoint, stop() }. `domains`: more
 * Host values it accepts (a proxy's, whose Host it receives unchanged).
 */
export async function startS3s(buckets, { domains = [] } = {}) {
  const bin = binary();
  const dir = mkdtempSync(join(tmpdir(), "presign-js-s3s-"));
  const data = join(dir, "data");
  for (const b of buckets) mkdirSync(join(data, b), { recursive: true });
  let lastError = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn(
      bin,
      ["--host", "127.0.0.1", "--port", String(port), "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY,
        "--domain", `localhost:${port}`, "--domain", `127.0.0.1:${port}`, ...domains.flatMap((d) => ["--domain", d]), data],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: "" } },
    );
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    let exited = false;
    child.once("exit", () => (exited = true));
    const stop = () => {
      if (!exited) child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    };
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !exited) {
      try {
        // An anonymous request is refused with an S3 error document: that is our server.
        const r = await fetch(`http://127.0.0.1:${port}/`);
        const body = await r.text();
        if (body.includes("<Error>") && !exited) return { port, endpoint: `http://127.0.0.1:${port}`, stop, log: () => log };
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    lastError = `port ${port}: ${exited ? "s3s-fs exited" : "no answer in 10 s"}; log: ${log.trim()}`;
    if (!exited) child.kill("SIGKILL");
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`s3s-fs did not start: ${lastError}`);
}

/** The text of the first <Tag>...</Tag> of an XML body. */
export function xmlText(xml, tag) {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}
