// A typed example, checked by `npm run typecheck` (tsc --noEmit) in CI: it must compile against
// lib/index.d.ts, and the @ts-expect-error lines must stay errors.
import { Presigner, PresignError, VerificationError, verify, type Presigned, type PresignedPost, type Verified } from "presign";

const s3 = new Presigner({
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  region: "eu-west-1",
});

// A browser uploads with this; it must send `upload.headers`.
const upload: Presigned = s3.putObject("my-uploads", "avatars/alice.png", {
  contentType: "image/png",
  metadata: { owner: "alice" },
  expiresIn: 600,
});
const init: RequestInit = { method: upload.method, headers: upload.headers };
const expires: Date = upload.expiresAt;
for (const w of upload.warnings) console.warn(w.code, w.message);

const download = s3.getObject("my-uploads", "reports/Q3.pdf", { downloadAs: "Rapport été.pdf", time: new Date() });
const part = s3.uploadPart("my-uploads", "big.bin", "UPLOAD-ID", 1, { contentLength: 5 * 1024 * 1024 });
const list = s3.listObjectsV2("my-uploads", { prefix: "avatars/", maxKeys: 100 });

const form: PresignedPost = s3.presignPost("my-uploads", {
  keyStartsWith: "users/alice/",
  contentLengthRange: [1, 10 * 1024 * 1024],
  contentTypeStartsWith: "image/",
});
const fields: Record<string, string> = form.fields;

const token = s3.presign({ url: "https://db.us-east-1.rds.amazonaws.com:5432/?Action=connect&DBUser=app", service: "rds-db", expiresIn: 900 });
const signed = s3.sign({ method: "POST", url: "https://sts.amazonaws.com/", service: "sts", body: "Action=GetCallerIdentity&Version=2011-06-15" });
const auth: string | undefined = signed.headers["authorization"];

async function gateway(request: Request): Promise<Response> {
  try {
    const v: Verified = await verify(request, { lookup: async (id) => (id === "AKIAIOSFODNN7EXAMPLE" ? "secret" : undefined), service: "s3" });
    return new Response(`hello ${v.accessKeyId}, signed ${v.signedHeaders.join(",")}`);
  } catch (e) {
    if (e instanceof VerificationError) return new Response(`${e.s3Code}: ${e.message}`, { status: e.status });
    if (e instanceof PresignError) return new Response(e.code, { status: 400 });
    throw e;
  }
}

// @ts-expect-error: the bucket comes first
s3.getObject({ bucket: "b", key: "k" });
// @ts-expect-error: not an addressing style
new Presigner({ accessKeyId: "a", secretAccessKey: "s", region: "r", addressingStyle: "virtual-hosted" });
// @ts-expect-error: expiresIn is a number of seconds
s3.getObject("b", "k", { expiresIn: "15m" });

export { init, expires, download, part, list, fields, token, auth, gateway };
