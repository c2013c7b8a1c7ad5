// The AWS documentation example (sigv4-query-string-auth.html), shared by the runtime smoke
// tests: each runtime loads the package its own way and must print exactly this URL.
export const EXPECTED =
  "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

export function awsExample({ Presigner }) {
  const p = new Presigner({
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    region: "us-east-1",
    legacyGlobalEndpoint: true,
  });
  return p.getObject("examplebucket", "test.txt", { expiresIn: 86400, time: Date.UTC(2013, 4, 24) }).url;
}
