//! The signed POST form as HTML: a form to embed ([`PresignedPost::html_form`]) and a whole page
//! a person can use ([`PresignedPost::html_page`]): it takes the Content-Type from the chosen
//! file, checks the file against the policy before sending, uploads with `fetch` and shows
//! S3's answer (204/201, or the error S3 names).

use super::policy::Condition;
use super::presigned_post::PresignedPost;
use alloc::format;
use alloc::string::String;

/// `&`, `<`, `>`, `"` and `'` escaped: safe in text and in double- or single-quoted attributes.
fn html_escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// `prefix` as a literal inside an HTML `pattern` (a JavaScript regular expression compiled with
/// the `v` flag): the syntax characters escaped, which both `u` and `v` modes accept.
fn pattern_literal(out: &mut String, prefix: &str) {
    for c in prefix.chars() {
        if "^$\\.*+?()[]{}|/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// What the `accept` attribute of the file input should say for a Content-Type rule: `image/*`
/// for a prefix `image/`, the type itself for an exact one, nothing otherwise.
fn accept_for(content_type: &str, exact: bool) -> Option<String> {
    if exact {
        return Some(String::from(content_type));
    }
    let (major, rest) = content_type.split_once('/')?;
    (rest.is_empty() && !major.is_empty()).then(|| format!("{major}/*"))
}

const PAGE_STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
label{display:block;margin:.75rem 0}\
input[type=text]{width:100%;box-sizing:border-box}\
button{margin-top:.75rem;padding:.4rem 1.2rem}\
#presign-result{margin-top:1rem;padding:.5rem;border-radius:.25rem}\
#presign-result[data-state=done]{background:#e6f4ea}\
#presign-result[data-state=error]{background:#fce8e6}";

/// The page's script: every value it shows goes through `textContent`, never through HTML.
const PAGE_SCRIPT: &str = r#""use strict";
(() => {
  const form = document.getElementById("presign-upload");
  const file = form.elements.namedItem("file");
  const type = form.querySelector("input[data-content-type-prefix]");
  const result = document.getElementById("presign-result");
  const min = Number(form.dataset.minSize || 0);
  const max = Number(form.dataset.maxSize || Infinity);
  const show = (state, text) => {
    result.dataset.state = state;
    result.textContent = text;
  };
  const problem = () => {
    const f = file.files[0];
    if (!f) return "Choose a file first.";
    if (type) {
      const prefix = type.dataset.contentTypePrefix;
      if (!f.type) return `The browser does not know the type of ${f.name}: this form only takes ${prefix}… files.`;
      if (!f.type.startsWith(prefix) || f.type === prefix) return `${f.name} is ${f.type}: this form only takes ${prefix}… files.`;
    }
    if (f.size > max) return `${f.name} is ${f.size} bytes: this form takes at most ${max}.`;
    if (f.size < min) return `${f.name} is ${f.size} bytes: this form takes at least ${min}.`;
    return "";
  };
  const xml = (text, tag) => {
    const node = new DOMParser().parseFromString(text, "application/xml").getElementsByTagName(tag)[0];
    return node ? node.textContent : "";
  };
  file.addEventListener("change", () => {
    const f = file.files[0];
    if (type) type.value = f ? f.type : "";
    const p = problem();
    file.setCustomValidity(p);
    if (p) show("error", p);
    else show("ready", `Ready: ${f.name} (${f.type || "no type"}, ${f.size} bytes).`);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (type && file.files[0]) type.value = file.files[0].type;
    const p = problem();
    if (p) return show("error", p);
    const f = file.files[0];
    show("uploading", `Uploading ${f.name}…`);
    let response;
    try {
      response = await fetch(form.action, { method: "POST", body: new FormData(form) });
    } catch (e) {
      return show("error", `The upload was sent, but this page cannot read S3's answer: the bucket's CORS rule must allow POST from ${location.origin} (${e.message}).`);
    }
    const text = await response.text();
    if (response.ok) {
      const key = xml(text, "Key") || form.elements.namedItem("key").value.replace("${filename}", f.name);
      show("done", `Uploaded ${f.name} as ${key} (HTTP ${response.status}).`);
    } else {
      const code = xml(text, "Code") || response.statusText;
      const message = xml(text, "Message");
      show("error", `S3 refused the upload: HTTP ${response.status} ${code}${message ? `: ${message}` : ""}`);
    }
  });
})();
"#;

impl PresignedPost {
    fn size_range(&self) -> Option<(u64, u64)> {
        self.conditions.iter().find_map(|c| match c {
            Condition::ContentLengthRange { min, max } => Some((*min, *max)),
            _ => None,
        })
    }

    /// A form to embed in a page of yours: hidden inputs for [`fields`](PresignedPost::fields),
    /// a text input for each of [`caller_fields`](PresignedPost::caller_fields), the file input
    /// last and an unnamed submit button (a named one would be a field the policy does not
    /// allow). Every value is HTML-escaped.
    ///
    /// A `starts-with` Content-Type field starts empty and must be filled with a whole type
    /// inside the prefix (`required` and a `pattern`, so a browser never submits the bare
    /// prefix, which S3 would store as the object's type); other caller fields start with their
    /// prefix. [`html_page`](PresignedPost::html_page) fills the Content-Type from the file.
    ///
    /// ```
    /// # use presign::s3::post::PostPolicy;
    /// # use presign::s3::{Bucket, Endpoint};
    /// # use presign::{Credentials, Timestamp};
    /// # let creds = Credentials::new("AKID", "secret")?;
    /// # let bucket = Bucket::new(Endpoint::aws("us-east-1")?, "bkt")?;
    /// let post = PostPolicy::new(&bucket)
    ///     .key_starts_with("in/")
    ///     .content_type_starts_with("image/")
    ///     .sign(&creds, Timestamp::UNIX_EPOCH)?;
    /// let html = post.html_form();
    /// assert!(html.starts_with(r#"<form id="presign-upload" action="https://bkt.s3.us-east-1.amazonaws.com/" method="post" enctype="multipart/form-data""#));
    /// assert!(html.contains(r#"<input type="hidden" name="key" value="in/${filename}">"#));
    /// assert!(html.contains(r#"name="Content-Type" value="" required pattern="image\/.+""#));
    /// assert!(html.contains(r#"<input type="file" name="file" required accept="image/*">"#));
    /// assert!(html.find(r#"name="file""#) > html.find(r#"name="x-amz-signature""#));
    /// # Ok::<(), presign::Error>(())
    /// ```
    pub fn html_form(&self) -> String {
        let mut out = String::with_capacity(
            1536 + self
                .fields
                .iter()
                .map(|(n, v)| n.len() + v.len() + 48)
                .sum::<usize>(),
        );
        out.push_str("<form id=\"presign-upload\" action=\"");
        html_escape(&mut out, &self.url);
        out.push_str("\" method=\"post\" enctype=\"multipart/form-data\"");
        if let Some((min, max)) = self.size_range() {
            out.push_str(&format!(" data-min-size=\"{min}\" data-max-size=\"{max}\""));
        }
        out.push_str(">\n");
        let mut accept = None;
        for (n, v) in &self.fields {
            if n.eq_ignore_ascii_case("content-type") {
                accept = accept_for(v, true);
            }
            out.push_str("  <input type=\"hidden\" name=\"");
            html_escape(&mut out, n);
            out.push_str("\" value=\"");
            html_escape(&mut out, v);
            out.push_str("\">\n");
        }
        for (n, prefix) in self.caller_fields() {
            let content_type = n.eq_ignore_ascii_case("content-type");
            out.push_str("  <label>");
            html_escape(&mut out, n);
            if !prefix.is_empty() {
                out.push_str(" (must start with \u{201c}");
                html_escape(&mut out, prefix);
                out.push_str("\u{201d})");
            }
            out.push_str(" <input type=\"text\" name=\"");
            html_escape(&mut out, n);
            out.push_str("\" value=\"");
            if content_type {
                // Never the bare prefix: it would become the object's Content-Type.
                out.push('"');
                if !prefix.is_empty() {
                    out.push_str(" required pattern=\"");
                    let mut pattern = String::new();
                    pattern_literal(&mut pattern, prefix);
                    pattern.push_str(".+");
                    html_escape(&mut out, &pattern);
                    out.push_str("\" placeholder=\"");
                    html_escape(&mut out, prefix);
                    out.push_str("\u{2026}\"");
                }
                out.push_str(" data-content-type-prefix=\"");
                html_escape(&mut out, prefix);
                out.push('"');
                accept = accept.or_else(|| accept_for(prefix, false));
            } else {
                html_escape(&mut out, prefix);
                out.push('"');
            }
            out.push_str("></label>\n");
        }
        out.push_str("  <label>File <input type=\"file\" name=\"file\" required");
        if let Some(a) = accept {
            out.push_str(" accept=\"");
            html_escape(&mut out, &a);
            out.push('"');
        }
        out.push_str("></label>\n  <button type=\"submit\">Upload</button>\n</form>\n");
        out
    }

    /// A whole HTML page a person can use to upload one file with this form: UTF-8, the form
    /// of [`html_form`](PresignedPost::html_form), what the policy accepts and until when, and
    /// a script that takes the Content-Type from the chosen file, refuses a file the policy
    /// would refuse (type outside the prefix, size outside the range) before sending, uploads
    /// with `fetch` and shows the result: S3's 204/201, or its error code and message
    /// (`EntityTooLarge`, `AccessDenied`, ...). Reading S3's answer needs the bucket's CORS rule
    /// to allow POST from the page's origin; without it the page says so. Without script, the
    /// form still submits as a plain HTML form.
    ///
    /// ```
    /// # use presign::s3::post::PostPolicy;
    /// # use presign::s3::{Bucket, Endpoint};
    /// # use presign::{Credentials, Timestamp};
    /// # let creds = Credentials::new("AKID", "secret")?;
    /// # let bucket = Bucket::new(Endpoint::aws("us-east-1")?, "bkt")?;
    /// let post = PostPolicy::new(&bucket).key_starts_with("in/").sign(&creds, Timestamp::UNIX_EPOCH)?;
    /// let page = post.html_page();
    /// assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
    /// assert!(page.contains(&post.html_form()));
    /// assert!(page.contains(r#"<p id="presign-result" role="status" aria-live="polite"></p>"#));
    /// assert!(page.trim_end().ends_with("</html>"));
    /// # Ok::<(), presign::Error>(())
    /// ```
    pub fn html_page(&self) -> String {
        let form = self.html_form();
        let mut out = String::with_capacity(form.len() + PAGE_SCRIPT.len() + 2048);
        out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<title>Upload a file</title>\n<style>");
        out.push_str(PAGE_STYLE);
        out.push_str("</style>\n</head>\n<body>\n<h1>Upload a file</h1>\n<p>To <code>");
        html_escape(&mut out, &self.url);
        out.push_str("</code>");
        if let Some(key) = self.field("key") {
            out.push_str(" as <code>");
            html_escape(&mut out, key);
            out.push_str("</code>");
        }
        out.push('.');
        if let Some((min, max)) = self.size_range() {
            out.push_str(&format!(" Size: {min} to {max} bytes."));
        }
        for (n, prefix) in self.caller_fields() {
            if n.eq_ignore_ascii_case("content-type") && !prefix.is_empty() {
                out.push_str(" Type: ");
                html_escape(&mut out, prefix);
                out.push('\u{2026}');
                out.push('.');
            }
        }
        out.push_str(" This form expires at ");
        out.push_str(&format!("{}", self.expires_at));
        out.push_str(".</p>\n");
        out.push_str(&form);
        out.push_str(
            "<p id=\"presign-result\" role=\"status\" aria-live=\"polite\"></p>\n<script>\n",
        );
        out.push_str(PAGE_SCRIPT);
        out.push_str("</script>\n</body>\n</html>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_escape_regex_syntax_only() {
        let mut p = String::new();
        pattern_literal(&mut p, "image/x.a+b-c");
        assert_eq!(p, "image\\/x\\.a\\+b-c");
    }

    #[test]
    fn hostile_values_are_escaped_in_the_page() {
        use crate::s3::post::PostPolicy;
        use crate::s3::{Bucket, Endpoint};
        use crate::{Credentials, Timestamp};
        let creds = Credentials::new("AKID", "secret").unwrap();
        let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "bkt").unwrap();
        let evil = "x\"><script>alert('k')</script>&";
        let post = PostPolicy::new(&bucket)
            .key_starts_with(evil)
            .metadata("note", evil)
            .field_starts_with("Content-Type", "image/\"<b>")
            .sign(&creds, Timestamp::UNIX_EPOCH)
            .unwrap();
        let page = post.html_page();
        // The page's own script is the only one, and no value breaks out of its attribute.
        assert_eq!(page.matches("<script>").count(), 1, "{page}");
        assert!(!page.contains("<b>"));
        assert!(page.contains("x&quot;&gt;&lt;script&gt;alert(&#39;k&#39;)&lt;/script&gt;&amp;"));
        assert!(
            page.contains(r#"pattern="image\/&quot;&lt;b&gt;.+""#),
            "{page}"
        );
    }

    #[test]
    fn accept_follows_the_type_rule() {
        assert_eq!(accept_for("image/", false).as_deref(), Some("image/*"));
        assert_eq!(accept_for("image/png", true).as_deref(), Some("image/png"));
        assert_eq!(accept_for("image/p", false), None);
        assert_eq!(accept_for("im", false), None);
        assert_eq!(accept_for("", false), None);
    }
}
