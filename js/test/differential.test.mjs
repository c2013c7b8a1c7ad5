// Differential: the package against the AWS SDK for JavaScript v3 on generated requests (fixed
// seed): 1000 S3 presigns against @aws-sdk/s3-request-presigner's getSignedUrl, and 500 presigns
// of other services against @smithy/signature-v4. Each case must give the same URL: the same
// origin and path byte for byte, the same query parameters (as sent), the same signature.
//
// Systematic differences, each handled explicitly below (nothing else may differ):
//  1. getSignedUrl adds `X-Amz-Content-Sha256=UNSIGNED-PAYLOAD` to every S3 query, and
//     `x-id=<Operation>` for GetObject, PutObject and DeleteObject (not HeadObject). They are ordinary signed parameters to S3; ours is signed with the same two added
//     (`query` option) so the URLs can be compared whole.
//  2. getSignedUrl moves signed `x-amz-*` headers (metadata, ACL, storage class, ...) into the
//     query unless told not to; presign keeps them headers the client sends, as botocore does
//     (a URL that carries `x-amz-acl=public-read` can be replayed without it). The SDK is told
//     `unhoistableHeaders` for them.
//  3. getSignedUrl never signs `Content-Type` unless told (`signableHeaders`); presign signs the
//     headers it is given (an upload of another type is then refused). The SDK is told.
//  4. The SDK's default checksum mode adds `x-amz-checksum-mode=ENABLED` to GETs; the client is
//     created with `responseChecksumValidation: "WHEN_REQUIRED"`, the other default.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Presigner } from "../lib/node.js";
import { S3Client, GetObjectCommand, PutObjectCommand, HeadObjectCommand, DeleteObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { SignatureV4 } from "@smithy/signature-v4";
import { HttpRequest } from "@smithy/protocol-http";
import { Hash } from "@smithy/hash-node";

const S3_CASES = 1000;
const GENERIC_CASES = 500;

// mulberry32: a small seeded generator, so every run checks the same cases.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "sa-east-1", "ca-central-1", "ap-northeast-1"];
const KEY_CHARS = [..."abcxyzABCXYZ0189", ..."-_.~/", ..." !*'()+,;=$&@:%#?[]{}^`|\\\"<>", "é", "ü", "日本", "😀", "ß", "\u00a0"];
const VALUE_CHARS = [..."abcXYZ019 -_.~/=+&%;:,'\"()!*", "é", "日"];

function make(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const str = (chars, lo, hi) => Array.from({ length: int(lo, hi) }, () => pick(chars)).join("");
  const alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
  return {
    pick,
    int,
    str,
    // One in ten has dots (path-style over https, for both).
    bucket: () => pick(alnum) + str(alnum + "-", 1, 20) + (r() < 0.1 ? "." + str(alnum, 1, 8) : "") + pick(alnum),
    key: () => {
      let k = str(KEY_CHARS, 1, 40);
      // Keys are object names: no empty, "." or ".." segments in most cases.
      if (r() < 0.9) k = k.split("/").filter((s) => s !== "" && s !== "." && s !== "..").join("/") || "k";
      return k;
    },
    value: () => str(VALUE_CHARS, 1, 24),
    token: () => str(alnum + "ABCDEF+/=", 20, 80),
    time: () => Date.UTC(int(2012, 2030), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59)),
  };
}

function rawQuery(url) {
  const q = url.split("?")[1] ?? "";
  return q.split("&").filter(Boolean).sort();
}

function sameUrl(ours, theirs, what) {
  assert.equal(ours.split("?")[0], theirs.split("?")[0], `${what}: origin and path`);
  assert.deepEqual(rawQuery(ours), rawQuery(theirs), `${what}: query parameters`);
}

test(`S3: ${S3_CASES} presigned GET/PUT/HEAD/DELETE equal getSignedUrl's`, async () => {
  const r = rng(0x5eed);
  const g = make(r);
  const clients = new Map();
  let withToken = 0;
  let withHeaders = 0;
  for (let i = 0; i < S3_CASES; i++) {
    const region = g.pick(REGIONS);
    const sessionToken = r() < 0.3 ? g.token() : undefined;
    if (sessionToken) withToken++;
    const credentials = { accessKeyId: "AKIA" + g.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 16), secretAccessKey: g.str("abcdefABCDEF0123456789+/", 40, 40), sessionToken };
    const bucket = g.bucket();
    const key = g.key();
    const time = g.time();
    const expiresIn = g.pick([1, 60, 900, 3600, 86400, 604800, g.int(1, 604800)]);
    const op = g.pick(["GET", "PUT", "HEAD", "DELETE"]);
    const ours = {};
    const sdk = { Bucket: bucket, Key: key };
    const signable = new Set();
    const unhoistable = new Set();
    if (op === "GET" && r() < 0.5) {
      const v = g.value();
      ours.responseContentDisposition = sdk.ResponseContentDisposition = `attachment; filename="${v}"`;
      if (r() < 0.5) ours.responseContentType = sdk.ResponseContentType = g.pick(["text/plain", "image/png", "application/octet-stream; x=1"]);
      if (r() < 0.3) ours.responseCacheControl = sdk.ResponseCacheControl = g.pick(["no-cache", "max-age=60, private"]);
    }
    if ((op === "GET" || op === "HEAD" || op === "DELETE") && r() < 0.2) ours.versionId = sdk.VersionId = g.str("abcXYZ019._-", 8, 32);
    if (op === "PUT" && r() < 0.7) {
      withHeaders++;
      ours.contentType = sdk.ContentType = g.pick(["image/png", "text/plain; charset=utf-8", "application/json", "video/mp4"]);
      signable.add("content-type");
      if (r() < 0.5) {
        const name = g.str("abcdefxyz0123-", 1, 12);
        const value = g.str("abcXYZ019 -_.=+", 1, 20).trim() || "v";
        ours.metadata = { [name]: value };
        sdk.Metadata = { [name]: value };
        unhoistable.add(`x-amz-meta-${name}`);
      }
      if (r() < 0.3) {
        ours.storageClass = sdk.StorageClass = g.pick(["STANDARD_IA", "GLACIER_IR", "INTELLIGENT_TIERING"]);
        unhoistable.add("x-amz-storage-class");
      }
      if (r() < 0.3) {
        ours.cacheControl = sdk.CacheControl = g.pick(["max-age=3600", "no-store"]);
        signable.add("cache-control");
      }
    }
    // HeadObject's request URI has no x-id in the S3 model; the three others have.
    const xid = { GET: "GetObject", PUT: "PutObject", DELETE: "DeleteObject" }[op];
    ours.query = { ...(xid && { "x-id": xid }), "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD" };
    const cid = `${region}/${credentials.accessKeyId}/${sessionToken}`;
    if (!clients.has(cid)) {
      clients.set(cid, new S3Client({ region, credentials: { ...credentials }, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }));
    }
    const Command = { GET: GetObjectCommand, PUT: PutObjectCommand, HEAD: HeadObjectCommand, DELETE: DeleteObjectCommand }[op];
    const theirs = await getSignedUrl(clients.get(cid), new Command(sdk), {
      expiresIn,
      signingDate: new Date(time),
      signableHeaders: signable,
      unhoistableHeaders: unhoistable,
    });
    const p = new Presigner({ ...credentials, region });
    const method = { GET: "getObject", PUT: "putObject", HEAD: "headObject", DELETE: "deleteObject" }[op];
    const mine = p[method](bucket, key, { ...ours, expiresIn, time });
    sameUrl(mine.url, theirs, `case ${i}: ${op} s3://${bucket}/${JSON.stringify(key)}`);
    assert.equal(mine.method, op);
  }
  // The generator really covered what it is meant to.
  assert.ok(withToken > 200 && withHeaders > 100, `${withToken} with a session token, ${withHeaders} PUTs with headers`);
});

test(`other services: ${GENERIC_CASES} presigns equal @smithy/signature-v4's`, async () => {
  const r = rng(0xa11ce);
  const g = make(r);
  const SERVICES = ["execute-api", "sts", "rds-db", "es", "lambda", "sqs", "iot"];
  const segment = () => encodeURIComponent(g.str([..."abcXYZ019-_.~ !*'()=:@$,;", "é", "日"], 1, 12)).replace(/^\.+$/, "x");
  for (let i = 0; i < GENERIC_CASES; i++) {
    const region = g.pick(REGIONS);
    const service = g.pick(SERVICES);
    const sessionToken = r() < 0.3 ? g.token() : undefined;
    const credentials = { accessKeyId: "AKIA" + g.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 16), secretAccessKey: g.str("abcdefABCDEF0123456789+/", 40, 40), sessionToken };
    const host = `${g.str("abcdefghij0123456789", 3, 12)}.${service}.${region}.amazonaws.com${r() < 0.2 ? ":" + g.int(1024, 65535) : ""}`;
    const path = "/" + Array.from({ length: g.int(0, 4) }, segment).join("/");
    const query = {};
    for (let n = g.int(0, 3); n > 0; n--) query[g.str("abcXYZ-_.", 1, 10)] = g.value();
    const headers = {};
    for (let n = g.int(0, 2); n > 0; n--) headers[`x-custom-${g.str("abcxyz0189", 1, 8)}`] = g.pick(["v", "two  spaces", " padded ", "a,b", g.str("abcXYZ019-_.=+", 1, 16)]);
    const method = g.pick(["GET", "POST", "PUT", "DELETE"]);
    const time = g.time();
    const expiresIn = g.int(1, 604800);

    const signer = new SignatureV4({ credentials: { ...credentials }, region, service, sha256: Hash.bind(null, "sha256") });
    const [hostname, port] = host.split(":");
    const presigned = await signer.presign(
      new HttpRequest({ method, protocol: "https:", hostname, port: port && Number(port), path, query, headers: { host, ...headers } }),
      { signingDate: new Date(time), expiresIn },
    );
    const q = Object.entries(presigned.query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    const search = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
    const mine = new Presigner({ ...credentials, region }).presign({
      method,
      url: `https://${host}${path}${search ? "?" + search : ""}`,
      service,
      headers,
      expiresIn,
      time,
    });
    const what = `case ${i}: ${method} ${service} ${path}`;
    const sig = new URL(mine.url).searchParams.get("X-Amz-Signature");
    assert.equal(sig, presigned.query["X-Amz-Signature"], `${what}: signature`);
    const decoded = (pairs) => pairs.map((p) => p.split("=").map((x) => decodeURIComponent(x)).join("=")).sort();
    assert.deepEqual(decoded(rawQuery(mine.url)), decoded(q), `${what}: query parameters`);
    assert.equal(mine.url.split("?")[0], `https://${host}${path === "" ? "/" : path}`, `${what}: origin and path`);
    assert.deepEqual(mine.headers, Object.fromEntries(Object.entries(headers)), `${what}: headers to send`);
  }
});
