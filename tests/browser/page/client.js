// What a web app does with presigned requests, as plain browser code. The suite calls these
// functions through WebDriver; each resolves with what the page could observe (status, the
// headers CORS exposes, the body), never with anything the page could not see.
"use strict";

const BODY_KINDS = {
  // A Blob carries its own type: fetch and XHR send it as Content-Type unless a header is set.
  blob: (bytes, type) => new Blob([bytes], type ? { type } : {}),
  arraybuffer: (bytes) => bytes.buffer,
  // A string body: fetch and XHR add `Content-Type: text/plain;charset=UTF-8` unless set.
  string: (bytes) => new TextDecoder().decode(bytes),
};

function fromBase64(b64) {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function toBase64(buffer) {
  let s = "";
  for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
  return btoa(s);
}

function body(kind, b64, blobType) {
  return BODY_KINDS[kind](fromBase64(b64), blobType);
}

// PUT with fetch: `headers` is what the page sets (e.g. the presign's headers to send).
async function putFetch(url, headers, kind, b64, blobType) {
  const r = await fetch(url, { method: "PUT", headers, body: body(kind, b64, blobType) });
  return { status: r.status, etag: r.headers.get("ETag"), text: await r.text() };
}

// PUT with XMLHttpRequest.
function putXhr(url, headers, kind, b64, blobType) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [n, v] of Object.entries(headers)) xhr.setRequestHeader(n, v);
    xhr.onload = () =>
      resolve({ status: xhr.status, etag: xhr.getResponseHeader("ETag"), text: xhr.responseText });
    xhr.onerror = () => reject(new Error("XHR network error (CORS or connection)"));
    xhr.send(body(kind, b64, blobType));
  });
}

// GET with fetch: status, the headers the page can read, and the body.
async function getFetch(url) {
  const r = await fetch(url);
  return {
    status: r.status,
    contentType: r.headers.get("Content-Type"),
    contentDisposition: r.headers.get("Content-Disposition"),
    body: toBase64(await r.arrayBuffer()),
  };
}

// Asks the backend (the page server) to presign a request: {method, key, ...}.
async function presign(request) {
  const r = await fetch("/presign", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  const answer = await r.json();
  if (!r.ok) throw new Error(`backend: ${answer.error}`);
  return answer;
}

function xmlText(xml, tag) {
  const node = new DOMParser().parseFromString(xml, "application/xml").getElementsByTagName(tag)[0];
  return node ? node.textContent : null;
}

// Part `index` of a multipart upload, made in the page (S3 wants 5 MiB parts; WebDriver would
// carry them slowly): `block` repeated from offset `index` to `size` bytes. harness.part_bytes
// makes the same bytes.
function partBytes(block, index, size) {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = block[(i + index) % block.length];
  return out;
}

// A multipart upload driven by the page: the backend presigns each step, the page sends them.
// Resolves with the step reached, its status and text, and the ETags the page read.
async function multipartUpload(key, blockB64, sizes, contentType) {
  const block = fromBase64(blockB64);
  const parts = sizes.map((size, i) => partBytes(block, i, size));
  const create = await presign({ op: "create-multipart", key, contentType });
  let r = await fetch(create.url, { method: create.method, headers: create.headers });
  const createText = await r.text();
  if (r.status !== 200) return { step: "create", status: r.status, text: createText };
  const uploadId = xmlText(createText, "UploadId");
  const etags = [];
  for (let i = 0; i < parts.length; i++) {
    const part = await presign({ op: "upload-part", key, uploadId, partNumber: i + 1 });
    r = await fetch(part.url, { method: part.method, headers: part.headers, body: parts[i] });
    if (r.status !== 200) return { step: `part ${i + 1}`, status: r.status, text: await r.text() };
    const etag = r.headers.get("ETag");
    if (!etag) return { step: `part ${i + 1}`, status: r.status, text: "no ETag readable (CORS ExposeHeaders)" };
    etags.push(etag);
  }
  const xml =
    "<CompleteMultipartUpload>" +
    etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join("") +
    "</CompleteMultipartUpload>";
  const complete = await presign({ op: "complete-multipart", key, uploadId });
  r = await fetch(complete.url, {
    method: complete.method,
    headers: { ...complete.headers, "Content-Type": "application/xml" },
    body: xml,
  });
  return { step: "complete", status: r.status, text: await r.text(), uploadId, etags };
}

// A POST policy upload with FormData: `fields` in order, then the file last (S3 ignores fields
// after it).
async function postForm(url, fields, fileName, fileType, b64) {
  const form = new FormData();
  for (const [n, v] of fields) form.append(n, v);
  form.append("file", new File([fromBase64(b64)], fileName, { type: fileType }));
  const r = await fetch(url, { method: "POST", body: form });
  return { status: r.status, text: await r.text(), location: r.headers.get("Location") };
}
