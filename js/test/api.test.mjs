// The JS API: results, options, errors, warnings, the clock, POST policies, the generic signer
// and verification, in Node.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Presigner, PresignError, VerificationError, verify, DEFAULT_EXPIRES_IN } from "../lib/node.js";

const keys = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const t0 = Date.parse("2026-11-23T12:00:00Z");
const presigner = new Presigner({ ...keys, region: "eu-west-1", time: t0 });

function throwsCode(f, code, message) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof PresignError, `not a PresignError: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

test("the AWS documentation example URL, byte for byte", () => {
  const p = new Presigner({ ...keys, region: "us-east-1", legacyGlobalEndpoint: true });
  const r = p.getObject("examplebucket", "test.txt", { expiresIn: 86400, time: new Date("2013-05-24T00:00:00Z") });
  assert.equal(
    r.url,
    "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
  );
  assert.deepEqual(r.headers, {});
  assert.equal(r.method, "GET");
  assert.equal(r.expiresAt.toISOString(), "2013-05-25T00:00:00.000Z");
  assert.deepEqual(r.warnings, []);
});

test("a PUT returns the headers the upload must send, and its expiry", () => {
  const r = presigner.putObject("my-uploads", "avatars/alice.png", {
    contentType: "image/png",
    metadata: { owner: "alice" },
    expiresIn: 600,
  });
  assert.equal(r.method, "PUT");
  assert.deepEqual(r.headers, { "content-type": "image/png", "x-amz-meta-owner": "alice" });
  assert.ok(r.url.startsWith("https://my-uploads.s3.eu-west-1.amazonaws.com/avatars/alice.png?"));
  assert.match(r.url, /X-Amz-SignedHeaders=content-type%3Bhost%3Bx-amz-meta-owner&/);
  assert.match(r.url, /X-Amz-Expires=600&/);
  assert.equal(r.expiresAt.getTime(), t0 + 600_000);
});

test("default expiry is 900 s, as the AWS SDK's getSignedUrl", () => {
  const r = presigner.getObject("my-uploads", "a.txt");
  assert.equal(DEFAULT_EXPIRES_IN, 900);
  assert.match(r.url, /X-Amz-Expires=900&/);
  assert.equal(r.expiresAt.getTime(), t0 + 900_000);
});

test("the clock is read per call unless frozen", () => {
  const live = new Presigner({ ...keys, region: "eu-west-1" });
  const before = Math.floor(Date.now() / 1000) * 1000;
  const r = live.getObject("b-1", "k");
  const after = Date.now();
  assert.ok(r.expiresAt.getTime() >= before + 900_000 && r.expiresAt.getTime() <= after + 900_000);
  // A per-call time wins over the Presigner's, and accepts a Date or milliseconds.
  const a = presigner.getObject("b-1", "k", { time: 0 });
  const b = presigner.getObject("b-1", "k", { time: new Date(0) });
  assert.equal(a.url, b.url);
  assert.match(a.url, /X-Amz-Date=19700101T000000Z/);
  throwsCode(() => presigner.getObject("b-1", "k", { time: "yesterday" }), "invalid-time");
  throwsCode(() => presigner.getObject("b-1", "k", { time: NaN }), "invalid-time");
});

test("every operation has its method and query", () => {
  const cases = [
    [presigner.getObject("bkt", "k"), "GET", "/k?X-Amz"],
    [presigner.headObject("bkt", "k"), "HEAD", "/k?X-Amz"],
    [presigner.putObject("bkt", "k"), "PUT", "/k?X-Amz"],
    [presigner.deleteObject("bkt", "k", { versionId: "v1" }), "DELETE", "versionId=v1"],
    [presigner.createMultipartUpload("bkt", "k"), "POST", "uploads="],
    [presigner.uploadPart("bkt", "k", "UP", 3), "PUT", "partNumber=3&uploadId=UP"],
    [presigner.completeMultipartUpload("bkt", "k", "UP"), "POST", "uploadId=UP"],
    [presigner.abortMultipartUpload("bkt", "k", "UP"), "DELETE", "uploadId=UP"],
    [presigner.listParts("bkt", "k", "UP"), "GET", "uploadId=UP"],
    [presigner.listObjectsV2("bkt", { prefix: "a/", maxKeys: 10 }), "GET", "list-type=2"],
  ];
  for (const [r, method, part] of cases) {
    assert.equal(r.method, method);
    assert.ok(r.url.includes(part), `${method} ${r.url} lacks ${part}`);
  }
  assert.match(cases[9][0].url, /max-keys=10/);
  assert.match(cases[9][0].url, /prefix=a%2F/);
});

test("GET options go into the signed query", () => {
  const r = presigner.getObject("bkt", "report.pdf", {
    responseContentDisposition: 'attachment; filename="Q3.pdf"',
    responseContentType: "application/pdf",
    versionId: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY",
  });
  assert.match(r.url, /response-content-disposition=attachment%3B%20filename%3D%22Q3.pdf%22/);
  assert.match(r.url, /versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY/);
  assert.deepEqual(r.headers, {});
  const d = presigner.getObject("bkt", "r.pdf", { downloadAs: "rapport été.pdf" });
  assert.match(d.url, /response-content-disposition=attachment%3B%20filename%3D%22rapport%20ete.pdf%22%3B%20filename%2A%3DUTF-8%27%27rapport%2520%25C3%25A9t%25C3%25A9.pdf/);
});

test("PUT headers: checksums, SSE-C, tagging objects, extra headers", () => {
  const r = presigner.putObject("bkt", "k", {
    checksumSha256: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    sseCustomerKey: { key: "a2V5", keyMd5: "bWQ1" },
    tagging: { project: "x y", team: "a&b" },
    headers: { "X-Amz-Storage-Class": "STANDARD_IA" },
  });
  assert.deepEqual(r.headers, {
    "x-amz-checksum-sha256": "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    "x-amz-server-side-encryption-customer-algorithm": "AES256",
    "x-amz-server-side-encryption-customer-key": "a2V5",
    "x-amz-server-side-encryption-customer-key-md5": "bWQ1",
    "x-amz-tagging": "project=x%20y&team=a%26b",
    "x-amz-storage-class": "STANDARD_IA",
  });
});

test("custom endpoints: path-style for IPs, virtual-hosted for DNS names", () => {
  const minio = new Presigner({ ...keys, region: "us-east-1", endpoint: "http://127.0.0.1:9000", time: t0 });
  assert.ok(minio.getObject("bkt", "k").url.startsWith("http://127.0.0.1:9000/bkt/k?"));
  const r2 = new Presigner({ ...keys, region: "auto", endpoint: "https://acct.r2.cloudflarestorage.com", time: t0 });
  assert.ok(r2.getObject("bkt", "k").url.startsWith("https://bkt.acct.r2.cloudflarestorage.com/k?"));
  const path = new Presigner({ ...keys, region: "auto", endpoint: "https://acct.r2.cloudflarestorage.com:443", addressingStyle: "path", time: t0 });
  assert.ok(path.getObject("bkt", "k").url.startsWith("https://acct.r2.cloudflarestorage.com/bkt/k?"));
});

test("errors are PresignErrors with the library's code and message", () => {
  throwsCode(() => presigner.getObject("a", "k"), "invalid-bucket-name", /between 3 and 63/);
  throwsCode(() => presigner.getObject("bkt", ""), "invalid-object-key");
  throwsCode(() => presigner.getObject("bkt", "k", { expiresIn: 604801 }), "invalid-expiry", /604800/);
  throwsCode(() => presigner.putObject("bkt", "k", { contentType: "a\r\nx-amz-acl: public-read" }), "invalid-header-value");
  throwsCode(() => presigner.putObject("bkt", "k", { headers: { host: "evil" } }), "reserved-header");
  throwsCode(() => new Presigner({ ...keys, region: "EU west" }), "invalid-region");
  throwsCode(() => new Presigner({ ...keys, secretAccessKey: "s3cr3t\n", region: "eu-west-1" }), "invalid-secret-key");
  throwsCode(() => new Presigner({ ...keys, region: "eu-west-1", endpoint: "ftp://x" }), "invalid-endpoint");
  // The wrapper's own: unknown options, wrong types, NUL characters.
  throwsCode(() => presigner.getObject("bkt", "k", { contentTyp: "image/png" }), "invalid-option", /contentTyp/);
  throwsCode(() => new Presigner({ ...keys, region: "eu-west-1", regoin: "x" }), "invalid-option", /regoin/);
  throwsCode(() => presigner.getObject("bkt", "k", { expiresIn: 1.5 }), "invalid-option");
  throwsCode(() => presigner.getObject("bkt", "k", { versionId: {} }), "invalid-option");
  throwsCode(() => presigner.getObject("bkt", "k", { versionId: "a\0contentType" }), "invalid-option", /NUL/);
  throwsCode(() => presigner.getObject("bkt", 42), "invalid-argument");
  throwsCode(() => presigner.getObject(null, "k"), "invalid-argument");
  throwsCode(() => presigner.uploadPart("bkt", "k", "UP", 0), "invalid-argument");
  // After a failed bucket the next call selects its bucket again.
  assert.ok(presigner.getObject("bkt", "k").url.includes("bkt."));
});

test("secrets never appear in error messages", () => {
  const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  for (const f of [
    () => new Presigner({ ...keys, secretAccessKey: secret + " ", region: "eu-west-1" }),
    () => new Presigner({ ...keys, sessionToken: "tok en", region: "eu-west-1" }),
    () => presigner.putObject("bkt", "k", { sseCustomerKey: { key: "SECRETKEY\n", keyMd5: "x" } }),
  ]) {
    assert.throws(f, (e) => !e.message.includes("wJalrXUtnFEMI") && !e.message.includes("SECRETKEY") && !e.message.includes("tok en"));
  }
});

test("temporary credentials: a URL may not outlive them, unless clamped", () => {
  const temp = new Presigner({ ...keys, sessionToken: "FwoGZXIvYXdzEJr//token", expiration: t0 + 300_000, region: "eu-west-1", time: t0 });
  throwsCode(() => temp.getObject("bkt", "k", { expiresIn: 900 }), "expires-after-credentials");
  const r = temp.getObject("bkt", "k", { expiresIn: 900, clampExpiry: true });
  assert.equal(r.expiresAt.getTime(), t0 + 300_000);
  assert.match(r.url, /X-Amz-Expires=300&/);
  assert.match(r.url, /X-Amz-Security-Token=FwoGZXIvYXdzEJr%2F%2Ftoken/);
});

test("warnings: client hazards are returned, or thrown with denyWarnings", () => {
  const r = presigner.getObject("bkt", "a/../b.png");
  assert.deepEqual(r.warnings.map((w) => w.code), ["dot-segment-in-key"]);
  assert.match(r.warnings[0].message, /browsers/);
  const put = presigner.putObject("bkt", "k", { contentType: "text/plain; charset=utf-8" });
  assert.deepEqual(put.warnings.map((w) => w.code), ["charset-rewritten-by-xhr"]);
  throwsCode(() => presigner.getObject("bkt", "a/./b", { denyWarnings: true }), "client-hazard", /dot-segment-in-key/);
  const strict = new Presigner({ ...keys, region: "eu-west-1", denyWarnings: true, time: t0 });
  throwsCode(() => strict.getObject("bkt", "a/./b"), "client-hazard");
  assert.equal(strict.getObject("bkt", "a/./b", { denyWarnings: false }).warnings.length, 1);
  assert.deepEqual(strict.getObject("bkt", "a/b").warnings, []);
});

test("presignPost: fields in order, the prefixes the form must fill, the expiry", () => {
  const post = presigner.presignPost("my-uploads", {
    keyStartsWith: "users/alice/",
    contentLengthRange: [1, 10 * 1024 * 1024],
    contentTypeStartsWith: "image/",
    expiresIn: 600,
  });
  assert.equal(post.url, "https://my-uploads.s3.eu-west-1.amazonaws.com/");
  assert.equal(post.method, "POST");
  assert.deepEqual(Object.keys(post.fields), ["key", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature"]);
  assert.equal(post.fields.key, "users/alice/${filename}");
  assert.equal(post.fields["x-amz-credential"], "AKIAIOSFODNN7EXAMPLE/20261123/eu-west-1/s3/aws4_request");
  assert.deepEqual(post.requiredPrefixes, { "Content-Type": "image/" });
  assert.equal(post.expiresAt.getTime(), t0 + 600_000);
  const policy = JSON.parse(Buffer.from(post.fields.policy, "base64").toString());
  assert.deepEqual(policy.conditions[2], ["content-length-range", 1, 10485760]);
  assert.equal(policy.expiration, "2026-11-23T12:10:00Z");
  throwsCode(() => presigner.presignPost("my-uploads", { contentLengthRange: [1] }), "invalid-option");
  throwsCode(() => presigner.presignPost("my-uploads", { expiresIn: 0 }), "invalid-policy");
});

test("generic presign: an RDS IAM token equals botocore's", () => {
  const p = new Presigner({ accessKeyId: "akid", secretAccessKey: "skid", region: "us-east-1" });
  const r = p.presign({
    url: "https://prod-instance.us-east-1.rds.amazonaws.com:3306/?Action=connect&DBUser=someusername",
    service: "rds-db",
    time: Date.parse("2016-11-07T17:39:33Z"),
  });
  assert.match(r.url, /X-Amz-Signature=d1138cdbc0ca63eec012ec0fc6c2267e03642168f5884a7795320d4c18374c61$/);
  assert.ok(r.url.startsWith("https://prod-instance.us-east-1.rds.amazonaws.com:3306/?Action=connect&DBUser=someusername&X-Amz-Algorithm="));
  throwsCode(() => p.presign({ url: "not a url", service: "s3" }), "invalid-url");
  throwsCode(() => p.presign({ url: "https://u:p@h/", service: "s3" }), "invalid-url");
  throwsCode(() => p.presign({ url: "https://h/" }), "invalid-argument");
});

test("generic sign: the AWS documentation GetObject header example", () => {
  const p = new Presigner({ ...keys, region: "us-east-1" });
  const r = p.sign({
    url: "https://examplebucket.s3.amazonaws.com/test.txt",
    service: "s3",
    headers: { range: "bytes=0-9" },
    contentSha256Header: true,
    time: Date.parse("2013-05-24T00:00:00Z"),
  });
  assert.equal(
    r.headers.authorization,
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
  );
  assert.equal(r.headers["x-amz-date"], "20130524T000000Z");
  assert.equal(r.headers["x-amz-content-sha256"], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // A body is hashed: the same bytes as a string, a Uint8Array or an ArrayBuffer.
  const body = "Welcome to Amazon S3.";
  const sigs = [body, new TextEncoder().encode(body), new TextEncoder().encode(body).buffer].map(
    (b) => p.sign({ method: "PUT", url: "https://examplebucket.s3.amazonaws.com/test$file.text", service: "s3", body: b, contentSha256Header: true, time: 0 }).headers.authorization,
  );
  assert.equal(new Set(sigs).size, 1);
});

test("verify: our URL passes; tampered, expired and unknown ones are refused as S3 would", async () => {
  const lookup = (id) => (id === keys.accessKeyId ? keys.secretAccessKey : undefined);
  const put = presigner.putObject("bkt", "cat.png", { contentType: "image/png" });
  const v = await verify({ method: "PUT", url: put.url, headers: { "content-type": "image/png", host: "bkt.s3.eu-west-1.amazonaws.com" } }, { lookup, time: t0 + 1000 });
  assert.equal(v.location, "query");
  assert.equal(v.accessKeyId, keys.accessKeyId);
  assert.deepEqual(v.signedHeaders, ["content-type", "host"]);
  assert.equal(v.payloadHash, "UNSIGNED-PAYLOAD");
  assert.equal(v.expiresAt.getTime(), t0 + 900_000);

  const refused = async (request, [code, s3Code, status], options = {}) =>
    assert.rejects(verify(request, { lookup, time: t0 + 1000, ...options }), (e) => {
      assert.ok(e instanceof VerificationError && e instanceof PresignError);
      assert.deepEqual([e.code, e.s3Code, e.status], [code, s3Code, status], e.message);
      return true;
    });
  const png = { "content-type": "image/png" };
  await refused({ method: "PUT", url: put.url, headers: { "content-type": "image/jpeg" } }, ["signature-does-not-match", "SignatureDoesNotMatch", 403]);
  await refused({ method: "PUT", url: put.url }, ["signed-header-missing", "SignatureDoesNotMatch", 403]);
  await refused({ method: "GET", url: put.url, headers: png }, ["signature-does-not-match", "SignatureDoesNotMatch", 403]);
  await refused({ method: "PUT", url: put.url.replace("cat.png", "dog.png"), headers: png }, ["signature-does-not-match", "SignatureDoesNotMatch", 403]);
  await refused({ method: "PUT", url: put.url, headers: png }, ["expired", "AccessDenied", 403], { time: t0 + 900_000 });
  await refused({ method: "PUT", url: put.url, headers: png }, ["invalid-access-key-id", "InvalidAccessKeyId", 403], { lookup: async () => undefined });
  await refused({ method: "PUT", url: put.url, headers: png }, ["wrong-region", "AuthorizationQueryParametersError", 400], { region: "us-east-1" });
  await refused({ method: "GET", url: "https://bkt.s3.eu-west-1.amazonaws.com/k" }, ["missing-authentication", "AccessDenied", 403]);

  // A fetch Request works as the input (as in a Worker), and async lookups.
  const get = presigner.getObject("bkt", "k");
  const ok = await verify(new Request(get.url), { lookup: async (id) => ({ secretAccessKey: lookup(id) }), time: t0 });
  assert.equal(ok.signedAt.getTime(), t0);
  // Header-signed requests too.
  const signed = presigner.sign({ url: "https://bkt.s3.eu-west-1.amazonaws.com/k", service: "s3", contentSha256Header: true });
  const hv = await verify({ url: signed.url, headers: signed.headers }, { lookup, time: t0 });
  assert.equal(hv.location, "header");
});

test("results longer than the I/O buffer, and non-ASCII results, are read back whole", () => {
  // A 3000-byte session token of '+' and '/' is 9000 bytes encoded: the result outgrows the
  // buffer reserved for the call's inputs, which then moves.
  const token = "+/".repeat(1500);
  const p = new Presigner({ ...keys, sessionToken: token, region: "eu-west-1", time: t0 });
  const r = p.getObject("bkt", "k");
  assert.ok(r.url.includes(`X-Amz-Security-Token=${"%2B%2F".repeat(1500)}&`));
  assert.match(r.url, /X-Amz-Signature=[0-9a-f]{64}$/);
  // Again, at the new address, and a key longer than any reserved so far.
  const long = "é/".repeat(300) + "end";
  const g = p.getObject("bkt", long);
  assert.ok(g.url.startsWith(`https://bkt.s3.eu-west-1.amazonaws.com/${"%C3%A9/".repeat(300)}end?`));
  // A non-ASCII header value comes back as it was given (UTF-8 decoded, not Latin-1).
  const put = presigner.putObject("bkt", "k", { metadata: { city: "Zürich 東京" } });
  assert.equal(put.headers["x-amz-meta-city"], "Zürich 東京");
  assert.deepEqual(put.warnings.map((w) => w.code), ["non-ascii-header-value"]);
});
