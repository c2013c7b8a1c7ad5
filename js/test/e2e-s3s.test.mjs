// Real HTTP from Node's fetch to s3s-fs on 127.0.0.1 (a server that verifies SigV4): the
// package's URLs work as presigned, and S3 refuses them (403) once tampered with or expired.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { Presigner } from "../lib/node.js";
import { ACCESS_KEY, SECRET_KEY, startS3s, xmlText } from "./support/s3s.mjs";

const bucket = "js-e2e";
let server;
let s3;

before(async () => {
  server = await startS3s([bucket]);
  s3 = new Presigner({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, region: "us-east-1", endpoint: server.endpoint });
});
after(() => server?.stop());

async function send(p, init = {}) {
  const r = await fetch(p.url, { method: p.method, headers: p.headers, ...init });
  return { status: r.status, headers: r.headers, body: await r.text() };
}

test("PUT with its signed Content-Type and metadata, then GET, HEAD, list, DELETE", async () => {
  const key = "uploads/été 2026/a+b (1).txt";
  const put = s3.putObject(bucket, key, { contentType: "text/plain", metadata: { owner: "alice" } });
  assert.deepEqual(put.headers, { "content-type": "text/plain", "x-amz-meta-owner": "alice" });
  const stored = await send(put, { body: "hello from node" });
  assert.equal(stored.status, 200, stored.body);

  const got = await send(s3.getObject(bucket, key));
  assert.equal(got.status, 200, got.body);
  assert.equal(got.body, "hello from node");
  assert.equal(got.headers.get("content-type"), "text/plain");
  assert.equal(got.headers.get("x-amz-meta-owner"), "alice");

  const head = await send(s3.headObject(bucket, key));
  assert.equal(head.status, 200);
  assert.equal(head.headers.get("content-length"), "15");

  const ranged = await send(s3.getObject(bucket, key, { range: "bytes=0-4" }));
  assert.equal(ranged.status, 206);
  assert.equal(ranged.body, "hello");

  const list = await send(s3.listObjectsV2(bucket, { prefix: "uploads/" }));
  assert.equal(list.status, 200, list.body);
  assert.equal(xmlText(list.body, "Key"), key);

  const del = await send(s3.deleteObject(bucket, key));
  assert.equal(del.status, 204, del.body);
  assert.equal((await send(s3.getObject(bucket, key))).status, 404);
});

test("a multipart upload: create, two parts, complete", async () => {
  const key = "big/object.bin";
  const created = await send(s3.createMultipartUpload(bucket, key, { contentType: "application/octet-stream" }));
  assert.equal(created.status, 200, created.body);
  const uploadId = xmlText(created.body, "UploadId");
  assert.ok(uploadId);
  const parts = ["a".repeat(5 * 1024 * 1024), "tail"];
  const etags = [];
  for (const [i, body] of parts.entries()) {
    const r = await send(s3.uploadPart(bucket, key, uploadId, i + 1), { body });
    assert.equal(r.status, 200, r.body);
    etags.push(r.headers.get("etag"));
  }
  const xml = `<CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
  const done = await send(s3.completeMultipartUpload(bucket, key, uploadId), { body: xml });
  assert.equal(done.status, 200, done.body);
  const head = await send(s3.headObject(bucket, key));
  assert.equal(head.headers.get("content-length"), String(5 * 1024 * 1024 + 4));
});

test("a POST form upload within its policy, and one over its size limit", async () => {
  const post = s3.presignPost(bucket, { keyStartsWith: "forms/", contentLengthRange: [1, 64], contentTypeStartsWith: "image/" });
  const form = (size) => {
    const f = new FormData();
    // The policy allows any key under forms/ (s3s-fs stores a `${filename}` literally, so the
    // form names the key itself).
    for (const [name, value] of Object.entries(post.fields)) f.append(name, name === "key" ? "forms/pixel.png" : value);
    f.append("Content-Type", "image/png");
    f.append("file", new Blob(["x".repeat(size)]), "pixel.png");
    return f;
  };
  // One write of the whole body: s3s-fs answers 400 and closes as soon as the file is too
  // large, and undici, still streaming the form, would fail with EPIPE instead of the answer.
  const submit = async (f) => {
    const r = new Response(f);
    return fetch(post.url, { method: "POST", headers: { "content-type": r.headers.get("content-type") }, body: await r.arrayBuffer() });
  };
  const ok = await submit(form(10));
  assert.equal(ok.status, 204, await ok.text());
  const got = await send(s3.getObject(bucket, "forms/pixel.png"));
  assert.equal(got.status, 200);
  assert.equal(got.body, "x".repeat(10));
  assert.equal(got.headers.get("content-type"), "image/png");
  const big = await submit(form(65));
  assert.equal(big.status, 400);
  assert.equal(xmlText(await big.text(), "Code"), "EntityTooLarge");
});

test("refused with 403: tampered, expired, wrong method, signed headers not sent", async () => {
  const key = "guarded.txt";
  const put = s3.putObject(bucket, key, { contentType: "text/plain" });
  assert.equal((await send(put, { body: "v1" })).status, 200);
  const get = s3.getObject(bucket, key);
  assert.equal((await send(get)).status, 200);

  const code = (r) => [r.status, xmlText(r.body, "Code")];
  const sig = new URL(get.url).searchParams.get("X-Amz-Signature");
  const flipped = sig.slice(0, -1) + (sig.endsWith("0") ? "1" : "0");
  assert.deepEqual(code(await send({ ...get, url: get.url.replace(sig, flipped) })), [403, "SignatureDoesNotMatch"]);
  assert.deepEqual(code(await send({ ...get, url: get.url.replace("guarded.txt", "guarded.txu") })), [403, "SignatureDoesNotMatch"]);
  assert.deepEqual(code(await send({ ...get, method: "DELETE" })), [403, "SignatureDoesNotMatch"]);
  assert.deepEqual(code(await send({ ...put, headers: {} }, { body: "v2" })), [403, "SignatureDoesNotMatch"]);
  assert.deepEqual(code(await send({ ...put, headers: { "content-type": "text/html" } }, { body: "v2" })), [403, "SignatureDoesNotMatch"]);

  const expired = s3.getObject(bucket, key, { expiresIn: 1, time: Date.now() - 10_000 });
  assert.deepEqual(code(await send(expired)), [403, "AccessDenied"]);
  const wrongKey = new Presigner({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY + "x", region: "us-east-1", endpoint: server.endpoint });
  assert.deepEqual(code(await send(wrongKey.getObject(bucket, key))), [403, "SignatureDoesNotMatch"]);
  // The object is still the first version.
  assert.equal((await send(get)).body, "v1");
});
