// The documentation examples of vectors/s3-docs.json (AWS S3 docs, botocore's RDS/DSQL tokens,
// the EKS token, rusty-s3/s3s/minio cases), through the JS generic signer: presign() for the
// query cases, sign() for the header cases. Each gives the published signature (and URL).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { Presigner } from "../lib/node.js";

const data = JSON.parse(readFileSync(new URL("../../vectors/s3-docs.json", import.meta.url)));

function request(c) {
  const r = c.request;
  const query = r.query.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&");
  const headers = Object.fromEntries(r.headers);
  const mode = c.query ?? c.header;
  const out = {
    method: r.method,
    url: `https://${r.host}${r.path}${query ? "?" + query : ""}`,
    service: c.service,
    region: c.region,
    headers,
    uriPath: c.path_rules === "s3" ? "s3" : "normalized",
    time: Date.parse(c.time),
  };
  if (c.payload === "unsigned") out.unsignedPayload = true;
  else if (typeof c.payload === "object") out.payloadHash = c.payload.sha256;
  else if (c.payload === "body") out.body = r.body;
  if (mode.session_token === "omit") out.sessionTokenAfterSigning = true;
  return out;
}

function presigner(c) {
  const { access_key_id, secret_access_key, session_token } = c.credentials;
  const mode = c.query ?? c.header;
  return new Presigner({
    accessKeyId: access_key_id,
    secretAccessKey: secret_access_key,
    sessionToken: mode.session_token === "none" ? undefined : session_token ?? undefined,
    region: c.region,
  });
}

let ran = 0;
for (const c of data.cases) {
  test(c.name, () => {
    const req = request(c);
    if (c.query) {
      const r = presigner(c).presign({ ...req, expiresIn: c.query.expires_in });
      const want = c.query.expected;
      assert.equal(new URL(r.url).searchParams.get("X-Amz-Signature"), want.signature);
      if (want.url) assert.equal(r.url, want.url);
      assert.equal(r.method, c.request.method);
    } else {
      const r = presigner(c).sign({ ...req, contentSha256Header: c.header.content_sha256_header });
      const sig = /Signature=([0-9a-f]{64})$/.exec(r.headers.authorization)?.[1];
      assert.equal(sig, c.header.expected.signature);
    }
  });
  ran++;
}

test("every case ran", () => {
  assert.equal(ran, data.cases.length);
  assert.ok(ran >= 15);
});
