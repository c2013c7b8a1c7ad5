// Types of the presign package (every runtime entry exports the same API).

/** A point in time: a `Date`, or milliseconds since 1970-01-01T00:00:00Z (as `Date.now()`). */
export type Time = Date | number;

/** Something a client is known to break about a presigned request that is signed correctly. */
export interface Warning {
  /**
   * Stable kebab-case code: `"dot-segment-in-key"`, `"non-ascii-response-override"`,
   * `"non-ascii-header-value"`, `"header-browsers-cannot-set"`, `"charset-rewritten-by-xhr"`
   * (more may come).
   */
  code: string;
  /** What breaks and what to do. */
  message: string;
}

/** A presigned request: everything the client needs to use it. */
export interface Presigned {
  /** The URL. */
  url: string;
  /** The method it is signed for; any other method is refused. */
  method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE" | (string & {});
  /**
   * Headers the client MUST send with exactly these values (they are signed), lower-case names.
   * Pass them to `fetch(url, { method, headers, body })`. `Host` is not listed.
   */
  headers: Record<string, string>;
  /** The first instant at which the URL is refused. */
  expiresAt: Date;
  /** Client hazards; empty for most requests. `denyWarnings: true` throws instead. */
  warnings: Warning[];
}

export interface PresignerOptions {
  accessKeyId: string;
  secretAccessKey: string;
  /** The session token of temporary credentials (STS, SSO, roles). */
  sessionToken?: string;
  /** When temporary credentials expire: a URL that would outlive them is refused (see `clampExpiry`). */
  expiration?: Time;
  /** The region, e.g. `"eu-west-1"` (`"auto"` for R2). */
  region: string;
  /**
   * An S3-compatible server instead of AWS: `"https://ACCOUNT.r2.cloudflarestorage.com"`,
   * `"http://127.0.0.1:9000"` (MinIO), ... Default ports are dropped, others kept.
   */
  endpoint?: string;
  /**
   * `"virtual"`: `bucket.host/key`; `"path"`: `host/bucket/key`; `"auto"` (default):
   * virtual-hosted when the bucket name and endpoint allow it.
   */
  addressingStyle?: "auto" | "virtual" | "path";
  /** AWS only: `s3.dualstack.REGION.amazonaws.com`. */
  dualstack?: boolean;
  /** AWS only: Transfer Acceleration (`s3-accelerate.amazonaws.com`). */
  accelerate?: boolean;
  /** AWS only: FIPS endpoints. */
  fips?: boolean;
  /** AWS us-east-1 only: `s3.amazonaws.com` instead of `s3.us-east-1.amazonaws.com`. */
  legacyGlobalEndpoint?: boolean;
  /** Throw a `PresignError` with code `"client-hazard"` instead of returning warnings. */
  denyWarnings?: boolean;
  /** Freeze the clock for every call (tests); by default each call reads `Date.now()`. */
  time?: Time;
}

/** Options every S3 operation takes. */
export interface CommonOptions {
  /** Lifetime in seconds, 1..=604800 (default 900, as the AWS SDK's `getSignedUrl`). */
  expiresIn?: number;
  /** The signing time; default: the Presigner's `time`, else `Date.now()`. */
  time?: Time;
  /** With temporary credentials: shorten the URL's life to theirs instead of throwing. */
  clampExpiry?: boolean;
  /** Throw instead of returning warnings. */
  denyWarnings?: boolean;
  /** More signed headers the client must send (names are lower-cased). */
  headers?: Record<string, string>;
  /** More signed query parameters (decoded names and values). */
  query?: Record<string, string>;
}

export interface GetObjectOptions extends CommonOptions {
  versionId?: string;
  /** Make browsers save the file as this name (any Unicode; RFC 6266/8187 `filename*`). */
  downloadAs?: string;
  responseContentType?: string;
  responseContentDisposition?: string;
  responseCacheControl?: string;
  responseContentEncoding?: string;
  responseContentLanguage?: string;
  responseExpires?: string;
  /** A signed `Range` header, e.g. `"bytes=0-1023"`. */
  range?: string;
  partNumber?: number;
}

/** Server-side encryption with a customer key (SSE-C); the client must send these headers. */
export interface SseCustomerKey {
  /** Default `"AES256"`. */
  algorithm?: string;
  /** The key, base64. */
  key: string;
  /** The key's MD5, base64. */
  keyMd5: string;
}

export interface Checksums {
  /** Base64 of the CRC32 of the body (`x-amz-checksum-crc32`). */
  checksumCrc32?: string;
  checksumCrc32c?: string;
  checksumCrc64nvme?: string;
  checksumSha1?: string;
  /** Base64 of the SHA-256 of the body (`x-amz-checksum-sha256`). */
  checksumSha256?: string;
}

export interface PutObjectOptions extends CommonOptions, Checksums {
  /** Signed: the upload must send exactly this `Content-Type`. */
  contentType?: string;
  contentLength?: number;
  contentMd5?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  /** `x-amz-meta-*` headers (signed: the upload must send them). */
  metadata?: Record<string, string>;
  acl?: string;
  serverSideEncryption?: string;
  sseKmsKeyId?: string;
  sseCustomerKey?: SseCustomerKey;
  storageClass?: string;
  /** `x-amz-tagging`: `"k1=v1&k2=v2"`, or an object encoded so. */
  tagging?: string | Record<string, string>;
}

export interface HeadObjectOptions extends CommonOptions {
  versionId?: string;
  range?: string;
  partNumber?: number;
}

export interface DeleteObjectOptions extends CommonOptions {
  versionId?: string;
}

export type CreateMultipartUploadOptions = PutObjectOptions;

export interface UploadPartOptions extends CommonOptions, Checksums {
  contentLength?: number;
  contentMd5?: string;
  sseCustomerKey?: SseCustomerKey;
}

export interface ListObjectsV2Options extends CommonOptions {
  prefix?: string;
  delimiter?: string;
  maxKeys?: number;
  continuationToken?: string;
  startAfter?: string;
}

export interface PresignPostOptions {
  /** The object key; one ending in `${filename}` lets S3 put the file's name there. */
  key?: string;
  /** Any key starting with this prefix (the form's `key` field is `PREFIX${filename}`). */
  keyStartsWith?: string;
  /** The file must be min..=max bytes: what a presigned PUT cannot enforce. */
  contentLengthRange?: [number, number];
  contentType?: string;
  /** The form must send a Content-Type starting with this (see `requiredPrefixes`). */
  contentTypeStartsWith?: string;
  metadata?: Record<string, string>;
  metadataStartsWith?: Record<string, string>;
  acl?: string;
  /** 200, 201 or 204 (S3's answer to a successful upload). */
  successActionStatus?: number;
  successActionRedirect?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  tagging?: string | Record<string, string>;
  serverSideEncryption?: string;
  sseKmsKeyId?: string;
  checksumAlgorithm?: string;
  checksumCrc32?: string;
  checksumCrc32c?: string;
  checksumCrc64nvme?: string;
  checksumSha1?: string;
  checksumSha256?: string;
  /** Any other exact-value form fields (as conditions and fields). */
  fields?: Record<string, string>;
  /** Any other `starts-with` conditions (field name to prefix). */
  fieldsStartWith?: Record<string, string>;
  /** Seconds the form stays valid, 1..=604800 (default 3600, as the SDK's `createPresignedPost`). */
  expiresIn?: number;
  time?: Time;
}

/** A signed POST policy: send `fields` in order, then the file (named `file`) last. */
export interface PresignedPost {
  /** The form action. */
  url: string;
  method: "POST";
  /** The form fields, in the order to send them. */
  fields: Record<string, string>;
  /**
   * Fields the form itself must add, with the prefix each value must start with, e.g.
   * `{ "Content-Type": "image/" }`.
   */
  requiredPrefixes: Record<string, string>;
  expiresAt: Date;
}

/** Any AWS request, for `presign()` and `sign()`. */
export interface GenericRequest {
  /** Default `"GET"`. */
  method?: string;
  /** The absolute URL (http or https), signed as written: the path is never normalized (a `./` or `../` that `fetch` would remove is a warning). */
  url: string | URL;
  /** The signing name, e.g. `"execute-api"`, `"rds-db"`, `"sts"`, `"s3"`. */
  service: string;
  /** Default: the Presigner's region. */
  region?: string;
  /** Headers to sign (and send). */
  headers?: Record<string, string>;
  /** The hex SHA-256 of the body, or a literal such as `"UNSIGNED-PAYLOAD"`. */
  payloadHash?: string;
  /** Sign `UNSIGNED-PAYLOAD` (the default for S3 signing names). */
  unsignedPayload?: boolean;
  /** `"s3"`: the path is encoded once and never normalized; `"normalized"`: every other service. */
  uriPath?: "s3" | "normalized";
  /** Add the session token after signing (some services, e.g. IoT). */
  sessionTokenAfterSigning?: boolean;
  time?: Time;
  denyWarnings?: boolean;
}

export interface GenericPresignRequest extends GenericRequest {
  /** Lifetime in seconds, 1..=604800 (default 900). */
  expiresIn?: number;
  clampExpiry?: boolean;
}

export interface GenericSignRequest extends GenericRequest {
  /** The body, hashed into the signature (default: empty). */
  body?: string | Uint8Array | ArrayBuffer | ArrayBufferView;
  /** Also send `x-amz-content-sha256` (S3 wants it). */
  contentSha256Header?: boolean;
}

/** A request signed with an `Authorization` header. */
export interface Signed {
  url: string;
  method: string;
  /** Every header to send (`authorization`, `x-amz-date`, ...), `Host` excepted. */
  headers: Record<string, string>;
}

/** Presigns with one set of credentials and one endpoint; keep one and reuse it. */
export class Presigner {
  constructor(options: PresignerOptions);
  getObject(bucket: string, key: string, options?: GetObjectOptions): Presigned;
  headObject(bucket: string, key: string, options?: HeadObjectOptions): Presigned;
  putObject(bucket: string, key: string, options?: PutObjectOptions): Presigned;
  deleteObject(bucket: string, key: string, options?: DeleteObjectOptions): Presigned;
  createMultipartUpload(bucket: string, key: string, options?: CreateMultipartUploadOptions): Presigned;
  uploadPart(bucket: string, key: string, uploadId: string, partNumber: number, options?: UploadPartOptions): Presigned;
  completeMultipartUpload(bucket: string, key: string, uploadId: string, options?: CommonOptions): Presigned;
  abortMultipartUpload(bucket: string, key: string, uploadId: string, options?: CommonOptions): Presigned;
  listParts(bucket: string, key: string, uploadId: string, options?: CommonOptions): Presigned;
  listObjectsV2(bucket: string, options?: ListObjectsV2Options): Presigned;
  presignPost(bucket: string, options?: PresignPostOptions): PresignedPost;
  /** Any AWS request with the signature in the query string. */
  presign(request: GenericPresignRequest): Presigned;
  /** Any AWS request with an `Authorization` header. */
  sign(request: GenericSignRequest): Signed;
}

/** What `lookup` returns for a known access key. */
export type Secret = string | { secretAccessKey: string; sessionToken?: string; expiration?: Time };

export interface VerifyOptions {
  /** The secret of an access key id; undefined (or null) for an unknown key. May be async. */
  lookup(accessKeyId: string, sessionToken: string | undefined): Secret | undefined | null | Promise<Secret | undefined | null>;
  /** Require this region in the credential scope. */
  region?: string;
  /** Require this service in the credential scope (e.g. `"s3"`). */
  service?: string;
  /** Allowed clock skew in seconds (default 900, as S3). */
  maxSkew?: number;
  /** The verifier's clock; default `Date.now()`. */
  time?: Time;
  /** Hex SHA-256 of the received body, when known. */
  payloadHash?: string;
}

/** What a request to verify looks like: a fetch `Request`, or its parts. */
export interface VerifiableRequest {
  method?: string;
  url: string | URL;
  headers?: Headers | Record<string, string | string[]> | Iterable<[string, string]>;
}

export interface Verified {
  /** Where the signature was: a presigned URL or an `Authorization` header. */
  location: "query" | "header";
  accessKeyId: string;
  region: string;
  service: string;
  signedAt: Date;
  expiresAt: Date;
  /** Lower-case, sorted. */
  signedHeaders: string[];
  /** `UNSIGNED-PAYLOAD`, a hex SHA-256 or a streaming literal: check the body against it. */
  payloadHash: string;
  /** Whether the request carried a session token. */
  sessionToken: boolean;
}

/** Verifies a presigned URL or an `Authorization` header as S3 does. */
export function verify(request: VerifiableRequest, options: VerifyOptions): Promise<Verified>;

/** Every error this package throws. */
export class PresignError extends Error {
  /**
   * Stable kebab-case code: the library's (`"invalid-bucket-name"`, `"invalid-expiry"`,
   * `"expires-after-credentials"`, `"client-hazard"`, ...: `presign::Error::code()`) or the
   * wrapper's (`"invalid-option"`, `"invalid-argument"`, `"invalid-time"`, `"invalid-url"`).
   */
  code: string;
}

/** `verify()` refused the request. */
export class VerificationError extends PresignError {
  /**
   * Why, stable kebab-case: `"signature-does-not-match"`, `"expired"`, `"signed-header-missing"`,
   * `"invalid-access-key-id"`, `"wrong-region"`, ... (finer than `s3Code`).
   */
  code: string;
  /** The error code S3 answers with, e.g. `"SignatureDoesNotMatch"`, `"AccessDenied"`. */
  s3Code: string;
  /** The HTTP status S3 answers with (400 or 403). */
  status: number;
}

/** 900: the default `expiresIn` of presigned URLs. */
export const DEFAULT_EXPIRES_IN: number;
/** 3600: the default `expiresIn` of POST policies. */
export const DEFAULT_POST_EXPIRES_IN: number;
