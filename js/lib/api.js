// The JavaScript API of presign. Every runtime entry (node.js, deno.js, workerd.js,
// browser.js) initialises the wasm module its own way, then re-exports this file.
//
// What crosses into wasm is kept to numbers and one options string per call (the text
// protocol of js/src/wire.rs): `name NUL value NUL ...` in, and back the URL followed by
// `NUL tag NUL field...` records, or `SOH code NUL message` for a failure.

import { RawPresigner, verify_request } from "../dist/presign.js";
import { read, view, write } from "./memory.js";

const SEP = "\0";
const FAIL = 1; // char code of SOH: a library or option error
const REJECT = 2; // char code of STX: a verification refusal (code, status, message)

/** Presigned URLs live 900 s unless `expiresIn` says otherwise, as `getSignedUrl` of the AWS SDK. */
export const DEFAULT_EXPIRES_IN = 900;
/** POST policies live 3600 s unless `expiresIn` says otherwise, as `createPresignedPost`. */
export const DEFAULT_POST_EXPIRES_IN = 3600;

/** The error every function of this package throws, with a stable kebab-case `code`. */
export class PresignError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "PresignError";
    this.code = code;
  }
}

/**
 * `verify()` refused the request: `code` says why (kebab-case, e.g. "expired"), `s3Code` is
 * the code S3 answers with ("AccessDenied") and `status` its HTTP status (403).
 */
export class VerificationError extends PresignError {
  constructor(code, s3Code, status, message) {
    super(code, message);
    this.name = "VerificationError";
    this.s3Code = s3Code;
    this.status = status;
  }
}

function fail(s) {
  const i = s.indexOf(SEP);
  return new PresignError(s.slice(1, i), s.slice(i + 1));
}

function badArgument(what, message) {
  return new PresignError("invalid-argument", `${what} ${message}`);
}

function badOption(name, message) {
  return new PresignError("invalid-option", `option ${JSON.stringify(name)} ${message}`);
}

/** Unix seconds of a `time` option: a Date or milliseconds since the epoch (as Date.now()). */
function unixSeconds(time, name = "time") {
  const ms = time instanceof Date ? time.getTime() : time;
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw new PresignError(
      "invalid-time",
      `${name} must be a Date or milliseconds since 1970 (as Date.now()), not ${String(time)}`,
    );
  }
  return Math.floor(ms / 1000);
}

function expiry(value) {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw badOption("expiresIn", `must be a whole number of seconds, not ${String(value)}`);
  }
  return value;
}

/** Appends `name NUL value` to the records `recs` (a string; "" when empty). */
function rec(recs, name, value) {
  if (typeof value !== "string") {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw badOption(name, `must be a finite number, not ${value}`);
      value = String(value);
    } else if (typeof value === "boolean") {
      value = value ? "1" : "0";
    } else {
      throw badOption(name, `must be a string, a number or a boolean, not ${typeof value}`);
    }
  } else if (value.includes(SEP)) {
    throw badOption(name, "must not contain a NUL character");
  }
  if (name.includes(SEP)) throw badOption(name, "must not contain a NUL character");
  return recs === "" ? name + SEP + value : recs + SEP + name + SEP + value;
}

/** Appends `prefix:name NUL value` for every entry of a map option (`metadata`, `headers`, ...). */
function recMap(recs, option, prefix, map) {
  if (map === null || typeof map !== "object") {
    throw badOption(option, "must be an object of names to values");
  }
  const entries = typeof map.entries === "function" && !Array.isArray(map) ? map.entries() : Object.entries(map);
  for (const [k, v] of entries) recs = rec(recs, prefix + k, v);
  return recs;
}

/** `x-amz-tagging` from an object: `k1=v1&k2=v2`, each part percent-encoded. */
function tagging(value) {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") throw badOption("tagging", "must be a string or an object");
  return Object.entries(value)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
}

/** Reads the decoded result of a presign: the URL, then `h`/`x`/`w` records. */
function presigned(s, method, time, expiresIn) {
  if (s.charCodeAt(0) === FAIL) throw fail(s);
  const headers = {};
  const warnings = [];
  let expiresAt = time + expiresIn;
  let url = s;
  if (s.indexOf(SEP) >= 0) {
    const f = s.split(SEP);
    url = f[0];
    for (let i = 1; i < f.length; ) {
      const tag = f[i];
      if (tag === "h") {
        headers[f[i + 1]] = f[i + 2];
        i += 3;
      } else if (tag === "w") {
        warnings.push({ code: f[i + 1], message: f[i + 2] });
        i += 3;
      } else {
        expiresAt = Number(f[i + 1]);
        i += 2;
      }
    }
  }
  return { url, method, headers, expiresAt: new Date(expiresAt * 1000), warnings };
}

// The object operations, numbered as in js/src/presigner.rs.
const GET = 0;
const HEAD = 1;
const PUT = 2;
const DELETE = 3;
const CREATE_MULTIPART_UPLOAD = 4;
const UPLOAD_PART = 5;
const COMPLETE_MULTIPART_UPLOAD = 6;
const ABORT_MULTIPART_UPLOAD = 7;
const LIST_PARTS = 8;
const LIST_OBJECTS_V2 = 9;

/**
 * Presigns S3 requests with one set of credentials and one endpoint. Keep one per
 * credentials and reuse it: it caches the day's signing key and the last bucket.
 */
export class Presigner {
  #raw;
  #bucket = null;
  #time;
  // The I/O buffer of the hot path (js/src/io.rs, lib/memory.js): its address and the room
  // reserved there.
  #io = 0;
  #room = 0;

  constructor(options) {
    if (options === null || typeof options !== "object") {
      throw badArgument("new Presigner(options):", "options must be an object");
    }
    let recs = "";
    for (const [name, value] of Object.entries(options)) {
      if (value === undefined || value === null) continue;
      if (name === "time") this.#time = unixSeconds(value);
      else if (name === "expiration") recs = rec(recs, name, unixSeconds(value, "expiration"));
      else recs = rec(recs, name, value);
    }
    try {
      this.#raw = new RawPresigner(recs);
    } catch (e) {
      if (typeof e === "string" && e.charCodeAt(0) === FAIL) throw fail(e);
      throw e;
    }
  }

  #select(bucket) {
    if (typeof bucket !== "string") throw badArgument("bucket", `must be a string, not ${typeof bucket}`);
    const s = this.#raw.bucket(bucket);
    if (s !== "") {
      this.#bucket = null;
      throw fail(s);
    }
    this.#bucket = bucket;
  }

  #options(options) {
    let recs = "";
    let expiresIn = DEFAULT_EXPIRES_IN;
    let time = this.#time;
    for (const name in options) {
      const value = options[name];
      if (value === undefined || value === null) continue;
      switch (name) {
        case "expiresIn":
          expiresIn = expiry(value);
          break;
        case "time":
          time = unixSeconds(value);
          break;
        case "metadata":
          recs = recMap(recs, name, "metadata:", value);
          break;
        case "headers":
          recs = recMap(recs, name, "header:", value);
          break;
        case "query":
          recs = recMap(recs, name, "query:", value);
          break;
        case "tagging":
          recs = rec(recs, name, tagging(value));
          break;
        case "sseCustomerKey":
          if (typeof value !== "object") throw badOption(name, "must be { algorithm, key, keyMd5 }");
          recs = rec(recs, "sseCustomerAlgorithm", value.algorithm ?? "AES256");
          recs = rec(recs, "sseCustomerKey", value.key);
          recs = rec(recs, "sseCustomerKeyMd5", value.keyMd5);
          break;
        default:
          recs = rec(recs, name, value);
      }
    }
    return [recs, time ?? Math.floor(Date.now() / 1000), expiresIn];
  }

  /** One object operation through the I/O buffer: the strings in, the result string out. */
  #call(op, key, uploadId, part, recs, time, expiresIn) {
    const need = 3 * (key.length + uploadId.length + recs.length);
    if (need > this.#room) {
      this.#room = Math.max(need, 1024);
      this.#io = this.#raw.io(this.#room);
    }
    let m = view();
    const at = this.#io;
    const k = write(m, at, key);
    const u = uploadId === "" ? 0 : write(m, at + k, uploadId);
    const o = recs === "" ? 0 : write(m, at + k + u, recs);
    let r = this.#raw.object(op, k, u, o, part, time, expiresIn);
    if (r < 0) {
      // The result did not fit: the buffer grew (and moved).
      r = -r;
      this.#io = this.#raw.io(this.#room);
    }
    m = view();
    return read(m, this.#io, Math.floor(r / 2), r % 2 === 1);
  }

  #object(op, method, bucket, key, options) {
    if (bucket !== this.#bucket) this.#select(bucket);
    if (typeof key !== "string") throw badArgument("key", `must be a string, not ${typeof key}`);
    if (options === undefined) {
      const time = this.#time ?? Math.floor(Date.now() / 1000);
      return presigned(this.#call(op, key, "", 0, "", time, DEFAULT_EXPIRES_IN), method, time, DEFAULT_EXPIRES_IN);
    }
    const [recs, time, expiresIn] = this.#options(options);
    return presigned(this.#call(op, key, "", 0, recs, time, expiresIn), method, time, expiresIn);
  }

  #multipart(op, method, bucket, key, uploadId, part, options) {
    if (bucket !== this.#bucket) this.#select(bucket);
    if (typeof key !== "string") throw badArgument("key", `must be a string, not ${typeof key}`);
    if (typeof uploadId !== "string") throw badArgument("uploadId", `must be a string, not ${typeof uploadId}`);
    if (!Number.isInteger(part) || part < 0 || part > 0xffffffff) {
      throw badArgument("partNumber", `must be a whole number, not ${String(part)}`);
    }
    const [recs, time, expiresIn] = this.#options(options);
    return presigned(this.#call(op, key, uploadId, part, recs, time, expiresIn), method, time, expiresIn);
  }

  /** GetObject: a download (or preview) link. */
  getObject(bucket, key, options) {
    return this.#object(GET, "GET", bucket, key, options);
  }

  /** HeadObject. */
  headObject(bucket, key, options) {
    return this.#object(HEAD, "HEAD", bucket, key, options);
  }

  /** PutObject: an upload straight to the bucket; the client must send `headers`. */
  putObject(bucket, key, options) {
    return this.#object(PUT, "PUT", bucket, key, options);
  }

  /** DeleteObject. */
  deleteObject(bucket, key, options) {
    return this.#object(DELETE, "DELETE", bucket, key, options);
  }

  /** CreateMultipartUpload (`POST ?uploads`). */
  createMultipartUpload(bucket, key, options) {
    return this.#object(CREATE_MULTIPART_UPLOAD, "POST", bucket, key, options);
  }

  /** UploadPart (`PUT ?partNumber=N&uploadId=ID`). */
  uploadPart(bucket, key, uploadId, partNumber, options) {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
      throw badArgument("partNumber", `must be a whole number in 1..=10000, not ${String(partNumber)}`);
    }
    return this.#multipart(UPLOAD_PART, "PUT", bucket, key, uploadId, partNumber, options);
  }

  /** CompleteMultipartUpload (`POST ?uploadId=ID`); the body lists the parts. */
  completeMultipartUpload(bucket, key, uploadId, options) {
    return this.#multipart(COMPLETE_MULTIPART_UPLOAD, "POST", bucket, key, uploadId, 0, options);
  }

  /** AbortMultipartUpload (`DELETE ?uploadId=ID`). */
  abortMultipartUpload(bucket, key, uploadId, options) {
    return this.#multipart(ABORT_MULTIPART_UPLOAD, "DELETE", bucket, key, uploadId, 0, options);
  }

  /** ListParts (`GET ?uploadId=ID`). */
  listParts(bucket, key, uploadId, options) {
    return this.#multipart(LIST_PARTS, "GET", bucket, key, uploadId, 0, options);
  }

  /** ListObjectsV2 (`GET /?list-type=2`): `prefix`, `delimiter`, `maxKeys`, ... as options. */
  listObjectsV2(bucket, options) {
    if (bucket !== this.#bucket) this.#select(bucket);
    const [recs, time, expiresIn] = this.#options(options);
    return presigned(this.#call(LIST_OBJECTS_V2, "", "", 0, recs, time, expiresIn), "GET", time, expiresIn);
  }

  /**
   * A signed POST policy for browser form uploads: post `fields` (in order), the fields of
   * `requiredPrefixes` your form fills in, and the file last, as multipart/form-data to `url`.
   */
  presignPost(bucket, options = {}) {
    if (bucket !== this.#bucket) this.#select(bucket);
    if (options === null || typeof options !== "object") throw badArgument("options", "must be an object");
    let recs = "";
    let expiresIn = DEFAULT_POST_EXPIRES_IN;
    let time = this.#time;
    for (const name in options) {
      const value = options[name];
      if (value === undefined || value === null) continue;
      switch (name) {
        case "expiresIn":
          expiresIn = expiry(value);
          break;
        case "time":
          time = unixSeconds(value);
          break;
        case "contentLengthRange":
          if (!Array.isArray(value) || value.length !== 2 || !value.every(Number.isSafeInteger)) {
            throw badOption(name, "must be [min, max] (whole numbers of bytes)");
          }
          recs = rec(recs, name, `${value[0]} ${value[1]}`);
          break;
        case "metadata":
          recs = recMap(recs, name, "metadata:", value);
          break;
        case "metadataStartsWith":
          recs = recMap(recs, name, "metadataStartsWith:", value);
          break;
        case "fields":
          recs = recMap(recs, name, "field:", value);
          break;
        case "fieldsStartWith":
          recs = recMap(recs, name, "fieldStartsWith:", value);
          break;
        case "tagging":
          recs = rec(recs, name, tagging(value));
          break;
        default:
          recs = rec(recs, name, value);
      }
    }
    time ??= Math.floor(Date.now() / 1000);
    const s = this.#raw.post(recs, time, expiresIn);
    if (s.charCodeAt(0) === FAIL) throw fail(s);
    const f = s.split(SEP);
    const fields = {};
    const requiredPrefixes = {};
    let expiresAt = time + expiresIn;
    for (let i = 1; i < f.length; ) {
      if (f[i] === "f") {
        fields[f[i + 1]] = f[i + 2];
        i += 3;
      } else if (f[i] === "c") {
        requiredPrefixes[f[i + 1]] = f[i + 2];
        i += 3;
      } else {
        expiresAt = Number(f[i + 1]);
        i += 2;
      }
    }
    return { url: f[0], method: "POST", fields, requiredPrefixes, expiresAt: new Date(expiresAt * 1000) };
  }

  #generic(request, what) {
    if (request === null || typeof request !== "object") throw badArgument(`${what}(request):`, "request must be an object");
    const { method = "GET", url, service, headers, body, expiresIn, time, ...rest } = request;
    if (typeof url !== "string" && !(url instanceof URL)) throw badArgument("url", "must be a string or a URL");
    if (typeof service !== "string") throw badArgument("service", "must be the signing name, e.g. \"execute-api\"");
    let recs = rec("", "method", method);
    recs = rec(recs, "url", String(url));
    recs = rec(recs, "service", service);
    if (headers !== undefined) recs = recMap(recs, "headers", "header:", headers);
    for (const [name, value] of Object.entries(rest)) {
      if (value !== undefined && value !== null) recs = rec(recs, name, value);
    }
    const t = time === undefined ? (this.#time ?? Math.floor(Date.now() / 1000)) : unixSeconds(time);
    return { recs, time: t, expiresIn: expiresIn === undefined ? DEFAULT_EXPIRES_IN : expiry(expiresIn), body, method };
  }

  /**
   * Presigns any AWS request (RDS/DSQL/EKS tokens, API Gateway, STS, ...): the signature goes
   * in the query string.
   */
  presign(request) {
    const g = this.#generic(request, "presign");
    if (g.body !== undefined) throw badOption("body", "cannot be presigned: give payloadHash, or use sign()");
    return presigned(this.#raw.generic_presign(g.recs, g.time, g.expiresIn), g.method, g.time, g.expiresIn);
  }

  /** Signs any AWS request with an `Authorization` header; `body` (string or bytes) is hashed. */
  sign(request) {
    const g = this.#generic(request, "sign");
    let bytes = EMPTY;
    const hasBody = g.body !== undefined && g.body !== null;
    if (hasBody) {
      if (typeof g.body === "string") bytes = new TextEncoder().encode(g.body);
      else if (g.body instanceof Uint8Array) bytes = g.body;
      else if (g.body instanceof ArrayBuffer) bytes = new Uint8Array(g.body);
      else if (ArrayBuffer.isView(g.body)) bytes = new Uint8Array(g.body.buffer, g.body.byteOffset, g.body.byteLength);
      else throw badOption("body", "must be a string, a Uint8Array, an ArrayBuffer or a typed array");
    }
    const s = this.#raw.generic_sign(g.recs, bytes, hasBody, g.time);
    const { url, method, headers } = presigned(s, g.method, g.time, 0);
    return { url, method, headers };
  }
}

const EMPTY = new Uint8Array(0);

/** The headers of a fetch `Request`, a `Headers`, an array of pairs or a plain object. */
function headerRecords(recs, headers) {
  if (headers === undefined || headers === null) return recs;
  if (typeof headers.forEach === "function" && !Array.isArray(headers)) {
    headers.forEach((value, name) => {
      recs = rec(recs, "header:" + name, value);
    });
    return recs;
  }
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    if (Array.isArray(value)) for (const v of value) recs = rec(recs, "header:" + name, v);
    else if (value !== undefined) recs = rec(recs, "header:" + name, String(value));
  }
  return recs;
}

/**
 * Verifies a presigned URL or an `Authorization` header as S3 does. `request` is a fetch
 * `Request` or `{ method, url, headers }`; `options.lookup(accessKeyId, sessionToken)` returns
 * (or resolves to) the secret access key, `{ secretAccessKey, sessionToken?, expiration? }`,
 * or undefined for an unknown key. Resolves to what was verified; rejects with a
 * `VerificationError` carrying S3's `code` and `status`.
 */
export async function verify(request, options) {
  if (request === null || typeof request !== "object") throw badArgument("verify(request):", "request must be an object");
  if (options === null || typeof options !== "object" || typeof options.lookup !== "function") {
    throw badArgument("verify(request, options):", "options.lookup must be a function (accessKeyId) => secret");
  }
  const { lookup, region, service, maxSkew, time, payloadHash } = options;
  let recs = rec("", "method", request.method ?? "GET");
  recs = rec(recs, "url", String(request.url));
  recs = headerRecords(recs, request.headers);
  if (region !== undefined) recs = rec(recs, "region", region);
  if (service !== undefined) recs = rec(recs, "service", service);
  if (maxSkew !== undefined) recs = rec(recs, "maxSkew", maxSkew);
  if (payloadHash !== undefined) recs = rec(recs, "payloadHash", payloadHash);
  const now = unixSeconds(time ?? Date.now());
  let s = verify_request(recs, now);
  if (s.startsWith("key" + SEP)) {
    const [, id, token] = s.split(SEP);
    const found = await lookup(id, token === "" ? undefined : token);
    if (found === undefined || found === null) recs = rec(recs, "unknownKey", true);
    else if (typeof found === "string") recs = rec(recs, "secretAccessKey", found);
    else {
      recs = rec(recs, "secretAccessKey", found.secretAccessKey);
      if (found.sessionToken != null) recs = rec(recs, "sessionToken", found.sessionToken);
      if (found.expiration != null) recs = rec(recs, "expiration", unixSeconds(found.expiration, "expiration"));
    }
    s = verify_request(recs, now);
  }
  const c = s.charCodeAt(0);
  if (c === FAIL) throw fail(s);
  if (c === REJECT) {
    const i = s.indexOf(SEP);
    const j = s.indexOf(SEP, i + 1);
    const k = s.indexOf(SEP, j + 1);
    throw new VerificationError(s.slice(1, i), s.slice(i + 1, j), Number(s.slice(j + 1, k)), s.slice(k + 1));
  }
  const f = s.split(SEP);
  return {
    location: f[1],
    accessKeyId: f[2],
    region: f[3],
    service: f[4],
    signedAt: new Date(Number(f[5]) * 1000),
    expiresAt: new Date(Number(f[6]) * 1000),
    signedHeaders: f[7] === "" ? [] : f[7].split(";"),
    payloadHash: f[8],
    sessionToken: f[9] === "1",
  };
}
