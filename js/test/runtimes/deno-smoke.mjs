// Deno: `deno run --allow-read=js/dist js/test/runtimes/deno-smoke.mjs` loads the package's
// Deno entry, reproduces the AWS example, and exits 1 if the URL differs.
import * as presign from "../../lib/deno.js";
import { awsExample, EXPECTED } from "./aws-example.mjs";

const url = awsExample(presign);
console.log(url);
let error;
try {
  new presign.Presigner({ accessKeyId: "AKID", secretAccessKey: "s", region: "Bad Region" });
} catch (e) {
  error = e;
}
if (url !== EXPECTED || !(error instanceof presign.PresignError) || error.code !== "invalid-region") {
  console.error(`deno: wrong result: ${url} / ${error}`);
  Deno.exit(1);
}
