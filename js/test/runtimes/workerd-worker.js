// A Worker that presigns on request: GET /aws-example answers the AWS documentation URL;
// GET /presign?bucket=B&key=K answers a fresh GET URL (Date.now()) as JSON; GET /verify?url=U
// verifies a URL it presigned.
import * as presign from "./lib/workerd.js";
import { awsExample } from "./aws-example.mjs";

const keys = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const presigner = new presign.Presigner({ ...keys, region: "auto", endpoint: "https://acct.r2.cloudflarestorage.com" });

export default {
  async fetch(request) {
    const url = new URL(request.url);
    try {
      if (url.pathname === "/aws-example") return new Response(awsExample(presign));
      if (url.pathname === "/presign") {
        const p = presigner.getObject(url.searchParams.get("bucket"), url.searchParams.get("key"));
        return Response.json(p);
      }
      if (url.pathname === "/verify") {
        const v = await presign.verify({ url: url.searchParams.get("url") }, { lookup: (id) => (id === keys.accessKeyId ? keys.secretAccessKey : undefined) });
        return Response.json(v);
      }
      return new Response("not found", { status: 404 });
    } catch (e) {
      return Response.json({ name: e.name, code: e.code, s3Code: e.s3Code, message: e.message }, { status: e instanceof presign.VerificationError ? e.status : 400 });
    }
  },
};
