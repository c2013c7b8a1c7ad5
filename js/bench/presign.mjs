// Presign per URL in Node: this package against the JS presigners people use, on the same GET
// and the same PUT, measured side by side in one run (interleaved rounds, medians).
//
//   node js/bench/presign.mjs            # from the repository (after bash js/build.sh)
//   ROUNDS=31 node js/bench/presign.mjs  # more rounds on a noisy machine
//
// Before timing, every peer's URL is checked once against ours: the same origin and path, the
// same query parameters, and the same signature. A peer that differs fails the run.
//
// Also printed: the .wasm size (raw and gzip -9) and the machine load.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

import { Presigner } from "../lib/node.js";
import { AwsClient } from "aws4fetch";
import aws4 from "aws4";
import { SignatureV4 } from "@smithy/signature-v4";
import { HttpRequest } from "@smithy/protocol-http";
import { Hash } from "@smithy/hash-node";
import { S3Client, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const ROUNDS = Number(process.env.ROUNDS ?? 15);
// No forced GC between batches: it shrinks the heap and doubles the time of allocating
// contenders (aws4: 20-28 µs -> 61 µs here). The rotating order below spreads the cost of
// the AWS SDK's garbage over every contender instead.
const BATCH_MS = Number(process.env.BATCH_MS ?? 40);

const credentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const region = "eu-west-1";
const bucket = "examplebucket";
const host = `${bucket}.s3.${region}.amazonaws.com`;
const time = Date.parse("2026-11-23T12:00:00Z");
const amzDate = "20261123T120000Z";
const expiresIn = 900;
// GET: a plain key. PUT: a key with a space and non-ASCII letters, and a signed Content-Type.
const getKey = "photos/2026/cat.jpg";
const putKey = "uploads/été 2026/ünïcode.png";
const contentType = "image/png";
const encodedPath = (key) => "/" + key.split("/").map(encodeURIComponent).join("/");

// ---- the contenders: each a sync or async function returning the URL ----

const ours = new Presigner({ ...credentials, region, time });

const aws4fetch = new AwsClient({ ...credentials, service: "s3", region });
const smithy = new SignatureV4({ credentials, region, service: "s3", sha256: Hash.bind(null, "sha256"), uriEscapePath: false, applyChecksum: false });
// WHEN_REQUIRED: no x-amz-checksum-mode=ENABLED on GET (the SDK's default adds it).
const s3 = new S3Client({ region, credentials, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" });
const signingDate = new Date(time);
// As the SDK's S3RequestPresigner: the payload hash comes from this header, which is neither
// signed nor moved into the query.
const smithyS3 = { unhoistableHeaders: new Set(["x-amz-content-sha256"]), unsignableHeaders: new Set(["x-amz-content-sha256"]) };

const contenders = {
  presign: {
    GET: () => ours.getObject(bucket, getKey).url,
    PUT: () => ours.putObject(bucket, putKey, { contentType }).url,
  },
  aws4: {
    GET: () => {
      const o = aws4.sign({ host, path: `${encodedPath(getKey)}?X-Amz-Expires=${expiresIn}&X-Amz-Date=${amzDate}`, service: "s3", region, signQuery: true }, credentials);
      return `https://${o.host}${o.path}`;
    },
    PUT: () => {
      const o = aws4.sign({ host, method: "PUT", path: `${encodedPath(putKey)}?X-Amz-Expires=${expiresIn}&X-Amz-Date=${amzDate}`, headers: { "Content-Type": contentType }, service: "s3", region, signQuery: true }, credentials);
      return `https://${o.host}${o.path}`;
    },
  },
  aws4fetch: {
    GET: async () => (await aws4fetch.sign(`https://${host}${encodedPath(getKey)}?X-Amz-Expires=${expiresIn}`, { aws: { signQuery: true, datetime: amzDate } })).url,
    PUT: async () => (await aws4fetch.sign(`https://${host}${encodedPath(putKey)}?X-Amz-Expires=${expiresIn}`, { method: "PUT", headers: { "content-type": contentType }, aws: { signQuery: true, allHeaders: true, datetime: amzDate } })).url,
  },
  "@smithy/signature-v4": {
    GET: async () => smithyUrl(await smithy.presign(new HttpRequest({ method: "GET", protocol: "https:", hostname: host, path: encodedPath(getKey), headers: { host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } }), { signingDate, expiresIn, ...smithyS3 })),
    PUT: async () => smithyUrl(await smithy.presign(new HttpRequest({ method: "PUT", protocol: "https:", hostname: host, path: encodedPath(putKey), headers: { host, "content-type": contentType, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } }), { signingDate, expiresIn, signableHeaders: new Set(["content-type"]), ...smithyS3 })),
  },
  "@aws-sdk/s3-request-presigner": {
    // The SDK always adds x-id=<operation> and X-Amz-Content-Sha256=UNSIGNED-PAYLOAD to the
    // query: ours is checked against it with the same two parameters added.
    same: (op) => ({ query: { "x-id": op === "GET" ? "GetObject" : "PutObject", "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD" } }),
    GET: () => getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: getKey }), { expiresIn, signingDate }),
    PUT: () => getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: putKey, ContentType: contentType }), { expiresIn, signingDate, signableHeaders: new Set(["content-type"]) }),
  },
};

function smithyUrl(r) {
  const q = Object.entries(r.query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  return `https://${r.hostname}${r.path}?${q}`;
}

// ---- correctness: each peer's URL against ours ----

function parts(url) {
  const u = new URL(url);
  const params = [...u.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { where: u.origin + u.pathname, params: JSON.stringify(params), signature: u.searchParams.get("X-Amz-Signature") };
}

const oursWith = (op, extra) =>
  op === "GET" ? ours.getObject(bucket, getKey, extra).url : ours.putObject(bucket, putKey, { contentType, ...extra }).url;
for (const op of ["GET", "PUT"]) {
  for (const [name, c] of Object.entries(contenders)) {
    const want = parts(oursWith(op, c.same?.(op)));
    const got = parts(await c[op]());
    for (const k of ["where", "params", "signature"]) {
      if (got[k] !== want[k]) {
        console.error(`${name} ${op}: ${k} differs\n  ours:  ${want[k]}\n  theirs: ${got[k]}`);
        process.exit(1);
      }
    }
  }
}
console.log("correctness: every contender's GET and PUT URL has our origin, path, query parameters and signature");
for (const c of Object.values(contenders)) delete c.same;

// ---- timing ----

// ns per URL: the process's CPU time (user + system) over the batch, which a loaded machine
// inflates far less than wall time (a descheduled process uses none); wall time is kept too.
const wall = {};
async function batch(f, n, key) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const r = f();
    if (typeof r !== "string") await r;
  }
  const t = Number(process.hrtime.bigint() - t0) / n;
  const c = process.cpuUsage(c0);
  if (key) (wall[key] ??= []).push(t);
  return ((c.user + c.system) * 1000) / n;
}

const sizes = {};
for (const [name, c] of Object.entries(contenders)) {
  for (const op of ["GET", "PUT"]) {
    // Warm up, then size a batch to ~BATCH_MS.
    let n = 100;
    let per = await batch(c[op], n);
    for (let i = 0; i < 3; i++) per = await batch(c[op], n = Math.max(50, Math.ceil((BATCH_MS * 1e6) / per)));
    sizes[`${name} ${op}`] = n;
  }
}
const samples = {};
const names = Object.keys(contenders);
for (let r = 0; r < ROUNDS; r++) {
  // Each round starts with the next contender, so none always follows the same one.
  for (const name of [...names.slice(r % names.length), ...names.slice(0, r % names.length)]) {
    const c = contenders[name];
    for (const op of ["GET", "PUT"]) {
      const key = `${name} ${op}`;
      (samples[key] ??= []).push(await batch(c[op], sizes[key], key));
    }
  }
}
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};

const wasm = readFileSync(fileURLToPath(new URL("../dist/presign_bg.wasm", import.meta.url)));
console.log(`node ${process.version}, ${cpus()[0].model}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
console.log(`${ROUNDS} interleaved rounds (rotating order) of ~${BATCH_MS} ms per contender and operation`);
console.log("");
console.log("CPU time per URL (process user + system), median; ratio = the contender's / ours; wall time in brackets");
console.log("");
console.log(`| contender | GET µs | GET ratio | PUT µs | PUT ratio |`);
console.log(`|---|---|---|---|---|`);
const base = { GET: median(samples["presign GET"]), PUT: median(samples["presign PUT"]) };
const us = (x) => (x / 1000).toFixed(2);
for (const name of Object.keys(contenders)) {
  const g = median(samples[`${name} GET`]);
  const p = median(samples[`${name} PUT`]);
  console.log(`| ${name} | ${us(g)} (${us(median(wall[`${name} GET`]))}) | ${(g / base.GET).toFixed(1)}× | ${us(p)} (${us(median(wall[`${name} PUT`]))}) | ${(p / base.PUT).toFixed(1)}× |`);
}
console.log("");
console.log(`dist/presign_bg.wasm: ${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped (level 9)`);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
