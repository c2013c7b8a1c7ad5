//! Presigned POST policies (browser form uploads): the AWS documentation example, the builder's
//! output, its validation, the verifier's rejections, properties, and an end-to-end upload to
//! s3s-fs 0.14.1 over real HTTP.

#[path = "common/s3s.rs"]
mod s3s;

use hmac::{Hmac, Mac};
#[path = "common/codes.rs"]
mod codes;
#[path = "common/oracle.rs"]
mod oracle;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use presign::s3::post::{
    Condition, Policy, PostForm, PostPolicy, PostRejection, PostVerifier, PresignedPost,
    Requirement, MAX_POLICY_LEN,
};
use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::{Credentials, Error, Timestamp};
use proptest::prelude::*;
use sha2::Sha256;

// ---------------------------------------------------------------------------------------------
// The AWS example (s3-vectors.md §3,
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html)
// ---------------------------------------------------------------------------------------------

const AKID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const AWS_POLICY_B64: &str = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
const AWS_SIGNATURE: &str = "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e";
const AWS_SIGNING_KEY: &str = "cbcef1ebeaefc82cce6530b9f0a9ae598846065f5c5bae0674bd5ebc4ba52d28";
const AWS_POLICY_SHA256: &str = "bdbc873103bd66b82f3a98478e5938ca1c7d8204563309232bdd4b1bbdcf74fb";
const AWS_REDIRECT: &str = "http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html";

fn base64_encode(data: &[u8]) -> String {
    BASE64.encode(data)
}

fn base64_decode(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    BASE64.decode(text)
}

fn aws_creds() -> Credentials {
    Credentials::new(AKID, SECRET).unwrap()
}

fn t(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

fn aws_bucket() -> Bucket {
    Bucket::new(
        Endpoint::aws("us-east-1")
            .unwrap()
            .legacy_global_endpoint(true),
        "sigv4examplebucket",
    )
    .unwrap()
}

#[test]
fn aws_example_signature_from_the_documented_base64_policy() {
    let key = oracle::signing_key(SECRET, "20151229", "us-east-1", "s3");
    assert_eq!(hex::encode(key), AWS_SIGNING_KEY);
    assert_eq!(AWS_POLICY_B64.len(), 864);
    let decoded = base64_decode(AWS_POLICY_B64).unwrap();
    assert_eq!(decoded.len(), 648);
    assert_eq!(oracle::sha256_hex(&decoded), AWS_POLICY_SHA256);
    assert!(
        decoded.windows(2).any(|w| w == b"\r\n"),
        "the documented policy has CRLF line ends"
    );
    assert_eq!(
        base64_encode(&decoded),
        AWS_POLICY_B64,
        "base64 gives back the documented text"
    );
    assert_eq!(
        hex::encode(oracle::hmac(&key, AWS_POLICY_B64.as_bytes())),
        AWS_SIGNATURE
    );
    let policy = Policy::from_base64(AWS_POLICY_B64).unwrap();
    assert_eq!(
        policy.expiration,
        Timestamp::parse_rfc3339("2015-12-30T12:00:00Z").unwrap()
    );
}

#[test]
fn aws_example_documented_policy_parses() {
    let p = Policy::from_base64(AWS_POLICY_B64).unwrap();
    assert_eq!(p.expiration, t("2015-12-30T12:00:00Z"));
    let eq = |f: &str, v: &str| Condition::Eq {
        field: f.into(),
        value: v.into(),
    };
    let sw = |f: &str, v: &str| Condition::StartsWith {
        field: f.into(),
        prefix: v.into(),
    };
    assert_eq!(
        p.conditions,
        [
            eq("bucket", "sigv4examplebucket"),
            sw("key", "user/user1/"),
            eq("acl", "public-read"),
            eq("success_action_redirect", AWS_REDIRECT),
            sw("Content-Type", "image/"),
            eq("x-amz-meta-uuid", "14365123651274"),
            eq("x-amz-server-side-encryption", "AES256"),
            sw("x-amz-meta-tag", ""),
            eq(
                "x-amz-credential",
                "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request"
            ),
            eq("x-amz-algorithm", "AWS4-HMAC-SHA256"),
            eq("x-amz-date", "20151229T000000Z"),
        ]
    );
}

/// The form of the AWS page, field names as it writes them (`X-Amz-Credential`, `Policy`, ...).
fn aws_documented_form() -> Vec<(String, String)> {
    [
        ("key", "user/user1/${filename}"),
        ("acl", "public-read"),
        ("success_action_redirect", AWS_REDIRECT),
        ("Content-Type", "image/jpeg"),
        ("x-amz-meta-uuid", "14365123651274"),
        ("x-amz-server-side-encryption", "AES256"),
        (
            "X-Amz-Credential",
            "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request",
        ),
        ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
        ("X-Amz-Date", "20151229T000000Z"),
        ("x-amz-meta-tag", ""),
        ("Policy", AWS_POLICY_B64),
        ("X-Amz-Signature", AWS_SIGNATURE),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_string(), v.to_string()))
    .collect()
}

fn aws_verifier() -> PostVerifier<impl Fn(&str) -> Option<Credentials>> {
    PostVerifier::new(|akid: &str| (akid == AKID).then(aws_creds)).region("us-east-1")
}

#[test]
fn aws_example_documented_form_verifies() {
    let form =
        PostForm::new("sigv4examplebucket", aws_documented_form(), 40_000).file_name("photo.jpg");
    let ok = aws_verifier()
        .verify(&form, t("2015-12-29T00:00:00Z"))
        .unwrap();
    assert_eq!(ok.key, "user/user1/photo.jpg");
    assert_eq!(ok.access_key_id, AKID);
    assert_eq!(ok.region, "us-east-1");
    assert_eq!(ok.expires_at, t("2015-12-30T12:00:00Z"));
    // A second before the expiration it still passes; at the expiration it does not.
    assert!(aws_verifier()
        .verify(&form, t("2015-12-30T11:59:59Z"))
        .is_ok());
    let late = aws_verifier()
        .verify(&form, t("2015-12-30T12:00:00Z"))
        .unwrap_err();
    assert_eq!(
        late,
        PostRejection::PolicyExpired {
            expired_at: t("2015-12-30T12:00:00Z"),
            seconds_ago: 0
        }
    );
    // The documented form with a PNG is still an image; with a PDF it is refused.
    let mut pdf = aws_documented_form();
    pdf[3].1 = "application/pdf".into();
    let e = aws_verifier()
        .verify(
            &PostForm::new("sigv4examplebucket", pdf, 10).file_name("a.pdf"),
            t("2015-12-29T00:00:00Z"),
        )
        .unwrap_err();
    assert_eq!(
        e,
        PostRejection::WrongContentType {
            content_type: Some("application/pdf".into()),
            expected: Requirement::StartsWith("image/".into())
        }
    );
    assert_eq!(e.to_string(), "wrong content type: the Content-Type field is \"application/pdf\" but the policy requires a value starting with \"image/\"");
}

fn aws_like_builder(bucket: &Bucket) -> PostPolicy<'_> {
    PostPolicy::new(bucket)
        .key("user/user1/${filename}")
        .acl("public-read")
        .success_action_redirect(AWS_REDIRECT)
        .content_type_starts_with("image/")
        .metadata("uuid", "14365123651274")
        .server_side_encryption("AES256")
        .metadata_starts_with("tag", "")
        .expires_at(t("2015-12-30T12:00:00Z"))
}

/// Python: `json.dumps({"expiration": "2015-12-30T12:00:00Z", "conditions": [...]})` with the
/// conditions in our order; the signature was computed with Python's `hmac` over its base64.
const OUR_POLICY_JSON: &str = r#"{"expiration": "2015-12-30T12:00:00Z", "conditions": [{"bucket": "sigv4examplebucket"}, ["starts-with", "$key", "user/user1/"], {"acl": "public-read"}, {"success_action_redirect": "http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html"}, ["starts-with", "$Content-Type", "image/"], {"x-amz-meta-uuid": "14365123651274"}, {"x-amz-server-side-encryption": "AES256"}, ["starts-with", "$x-amz-meta-tag", ""], {"x-amz-algorithm": "AWS4-HMAC-SHA256"}, {"x-amz-credential": "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request"}, {"x-amz-date": "20151229T000000Z"}]}"#;
const OUR_SIGNATURE_BY_PYTHON: &str =
    "f679a13c327891db47a8a34ef06995bbb1a9aa65f3949c0815f6d4544043fb7f";

#[test]
fn aws_example_rebuilt_by_our_builder() {
    let bucket = aws_bucket();
    let post = aws_like_builder(&bucket)
        .sign(&aws_creds(), t("2015-12-29T00:00:00Z"))
        .unwrap();
    assert_eq!(post.url, "https://sigv4examplebucket.s3.amazonaws.com/");
    assert_eq!(
        post.policy, OUR_POLICY_JSON,
        "byte for byte what botocore's json.dumps writes"
    );

    // Decode our base64, parse it with serde_json, and find each condition of the AWS example.
    let b64 = post.field("policy").unwrap();
    let json = String::from_utf8(base64_decode(b64).unwrap()).unwrap();
    assert_eq!(json, post.policy);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["expiration"], "2015-12-30T12:00:00Z");
    let conds = v["conditions"].as_array().unwrap();
    let want: Vec<serde_json::Value> = serde_json::from_str(
        r#"[{"bucket": "sigv4examplebucket"}, ["starts-with", "$key", "user/user1/"], {"acl": "public-read"},
            {"success_action_redirect": "http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html"},
            ["starts-with", "$Content-Type", "image/"], {"x-amz-meta-uuid": "14365123651274"},
            {"x-amz-server-side-encryption": "AES256"}, ["starts-with", "$x-amz-meta-tag", ""],
            {"x-amz-credential": "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request"},
            {"x-amz-algorithm": "AWS4-HMAC-SHA256"}, {"x-amz-date": "20151229T000000Z"}]"#,
    )
    .unwrap();
    assert_eq!(conds.len(), want.len());
    for w in &want {
        assert!(conds.contains(w), "missing {w}");
    }

    // Signed the same way: HMAC(kSigning, base64 text), recomputed here with the hmac crate
    // from the documented signing key, and by Python.
    let mut mac = Hmac::<Sha256>::new_from_slice(&hex::decode(AWS_SIGNING_KEY).unwrap()).unwrap();
    mac.update(b64.as_bytes());
    let sig = hex::encode(mac.finalize().into_bytes());
    assert_eq!(post.field("x-amz-signature"), Some(sig.as_str()));
    assert_eq!(sig, OUR_SIGNATURE_BY_PYTHON);

    // And the form the builder returns passes the verifier, as the documented one does.
    let mut fields = post.fields.clone();
    fields.push(("Content-Type".into(), "image/jpeg".into()));
    fields.push(("x-amz-meta-tag".into(), "".into()));
    let ok = aws_verifier()
        .verify(
            &PostForm::new("sigv4examplebucket", fields, 1).file_name("me.jpg"),
            t("2015-12-29T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(ok.key, "user/user1/me.jpg");
}

// ---------------------------------------------------------------------------------------------
// Builder output
// ---------------------------------------------------------------------------------------------

const NOW: &str = "2026-11-23T12:00:00Z";

fn bucket() -> Bucket {
    Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "my-uploads").unwrap()
}

fn creds() -> Credentials {
    Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").unwrap()
}

fn names(post: &PresignedPost) -> Vec<&str> {
    post.fields.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn field_order_is_documented_order() {
    let b = bucket();
    let post = PostPolicy::new(&b)
        .key("reports/q3.pdf")
        .content_type("application/pdf")
        .metadata("owner", "alice")
        .acl("private")
        .content_length_range(1, 1 << 20)
        .success_action_status(201)
        .cache_control("max-age=60")
        .content_disposition("attachment; filename=\"q3.pdf\"")
        .tags([("team", "R&D")])
        .server_side_encryption("aws:kms")
        .sse_kms_key_id("arn:aws:kms:eu-west-1:111122223333:key/abcd")
        .checksum_algorithm("sha256")
        .checksum_sha256(&[7u8; 32])
        .field("x-amz-storage-class", "STANDARD_IA")
        .field_starts_with("x-amz-meta-note", "")
        .expires_in(600)
        .sign(&creds(), t(NOW))
        .unwrap();
    assert_eq!(post.url, "https://my-uploads.s3.eu-west-1.amazonaws.com/");
    assert_eq!(
        names(&post),
        [
            "key",
            "Content-Type",
            "x-amz-meta-owner",
            "acl",
            "success_action_status",
            "Cache-Control",
            "Content-Disposition",
            "tagging",
            "x-amz-server-side-encryption",
            "x-amz-server-side-encryption-aws-kms-key-id",
            "x-amz-checksum-algorithm",
            "x-amz-checksum-sha256",
            "x-amz-storage-class",
            "policy",
            "x-amz-algorithm",
            "x-amz-credential",
            "x-amz-date",
            "x-amz-signature",
        ]
    );
    assert_eq!(post.field("key"), Some("reports/q3.pdf"));
    assert_eq!(post.field("x-amz-checksum-algorithm"), Some("SHA256"));
    assert_eq!(
        post.field("x-amz-checksum-sha256"),
        Some(base64_encode(&[7u8; 32]).as_str())
    );
    assert_eq!(
        post.field("x-amz-credential"),
        Some("AKIDEXAMPLE/20261123/eu-west-1/s3/aws4_request")
    );
    assert_eq!(post.field("x-amz-date"), Some("20261123T120000Z"));
    assert_eq!(post.expires_at, t("2026-11-23T12:10:00Z"));
    assert_eq!(post.signed_at, t(NOW));
    assert_eq!(post.caller_fields(), [("x-amz-meta-note", "")]);
    assert!(post.policy.starts_with(r#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [{"bucket": "my-uploads"}, {"key": "reports/q3.pdf"}, {"Content-Type": "application/pdf"}"#));
    assert!(post
        .policy
        .contains(r#"["content-length-range", 1, 1048576]"#));
    assert!(post.policy.ends_with(r#"{"x-amz-algorithm": "AWS4-HMAC-SHA256"}, {"x-amz-credential": "AKIDEXAMPLE/20261123/eu-west-1/s3/aws4_request"}, {"x-amz-date": "20261123T120000Z"}]}"#));
    // Every field is covered; the verifier accepts the form as is.
    let v = PostVerifier::new(|_: &str| Some(creds()));
    v.verify(
        &PostForm::new("my-uploads", post.fields.clone(), 10),
        t(NOW),
    )
    .unwrap();
    // JSON and HTML renderings keep the order, file last.
    let json: serde_json::Value = serde_json::from_str(&post.to_json()).unwrap();
    assert_eq!(json["url"], post.url);
    assert_eq!(
        json["fields"]["tagging"],
        "<Tagging><TagSet><Tag><Key>team</Key><Value>R&amp;D</Value></Tag></TagSet></Tagging>"
    );
    let html = post.html_form();
    assert!(html
        .contains(r#"name="Content-Disposition" value="attachment; filename=&quot;q3.pdf&quot;""#));
    assert!(html.contains(r#"<input type="text" name="x-amz-meta-note" value="">"#));
    assert!(html.find("name=\"x-amz-signature\"").unwrap() < html.find("name=\"file\"").unwrap());
}

#[test]
fn setting_a_field_again_replaces_its_condition_in_place() {
    let b = bucket();
    let post = PostPolicy::new(&b)
        .key("a")
        .content_type("text/plain")
        .acl("private")
        .field_starts_with("content-type", "image/")
        .content_length_range(0, 5)
        .content_length_range(1, 9)
        .sign(&creds(), t(NOW))
        .unwrap();
    assert_eq!(
        post.conditions[2],
        Condition::StartsWith {
            field: "content-type".into(),
            prefix: "image/".into()
        }
    );
    assert_eq!(
        post.conditions[4],
        Condition::ContentLengthRange { min: 1, max: 9 }
    );
    assert_eq!(names(&post)[..2], ["key", "acl"]);
}

#[test]
fn path_style_url_and_virtual_hosted_url() {
    let e = Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap();
    let b = Bucket::new(e, "bkt").unwrap();
    let post = PostPolicy::new(&b).key("k").sign(&creds(), t(NOW)).unwrap();
    assert_eq!(post.url, "http://127.0.0.1:9000/bkt/");
    let b = Bucket::new(
        Endpoint::aws("us-west-2")
            .unwrap()
            .addressing(AddressingStyle::Path),
        "bkt",
    )
    .unwrap();
    assert_eq!(
        PostPolicy::new(&b)
            .key("k")
            .sign(&creds(), t(NOW))
            .unwrap()
            .url,
        "https://s3.us-west-2.amazonaws.com/bkt/"
    );
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    assert_eq!(
        PostPolicy::new(&b)
            .key("k")
            .sign(&creds(), t(NOW))
            .unwrap()
            .url,
        "https://bkt.s3.us-west-2.amazonaws.com/"
    );
}

#[test]
fn session_token_is_a_condition_and_a_field() {
    let token = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token=";
    let c = creds()
        .with_session_token(token)
        .unwrap()
        .with_expiration(t("2026-11-23T18:00:00Z"));
    let b = bucket();
    let post = PostPolicy::new(&b)
        .key_starts_with("u/")
        .sign(&c, t(NOW))
        .unwrap();
    assert_eq!(
        names(&post),
        [
            "key",
            "policy",
            "x-amz-algorithm",
            "x-amz-credential",
            "x-amz-date",
            "x-amz-security-token",
            "x-amz-signature"
        ]
    );
    assert_eq!(post.field("x-amz-security-token"), Some(token));
    assert_eq!(
        post.conditions.last(),
        Some(&Condition::Eq {
            field: "x-amz-security-token".into(),
            value: token.into()
        })
    );
    let v: serde_json::Value = serde_json::from_str(&post.policy).unwrap();
    assert!(v["conditions"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!({"x-amz-security-token": token})));

    // The verifier wants that very token when the lookup returns temporary credentials.
    let verifier = PostVerifier::new(move |_: &str| Some(c.clone()));
    let form =
        |fields: Vec<(String, String)>| PostForm::new("my-uploads", fields, 1).file_name("f");
    verifier.verify(&form(post.fields.clone()), t(NOW)).unwrap();
    let mut other = post.fields.clone();
    other[5].1.push('x');
    assert_eq!(
        verifier.verify(&form(other), t(NOW)),
        Err(PostRejection::SecurityTokenMismatch)
    );
    let without: Vec<_> = post
        .fields
        .iter()
        .filter(|(n, _)| n != "x-amz-security-token")
        .cloned()
        .collect();
    assert_eq!(
        verifier.verify(&form(without), t(NOW)),
        Err(PostRejection::SecurityTokenMismatch)
    );
    // After the credentials expire, forms they signed are refused.
    assert_eq!(
        verifier.verify(&form(post.fields.clone()), t("2026-11-23T18:00:00Z")),
        Err(PostRejection::CredentialsExpired {
            expired_at: t("2026-11-23T18:00:00Z")
        })
    );
    assert!(!format!("{:?}", PostRejection::SecurityTokenMismatch).contains("IQoJ"));
}

#[test]
fn filename_variable() {
    let b = bucket();
    // A key ending in ${filename} becomes a starts-with condition on the rest (botocore).
    let post = PostPolicy::new(&b)
        .key("uploads/${filename}")
        .sign(&creds(), t(NOW))
        .unwrap();
    assert_eq!(post.field("key"), Some("uploads/${filename}"));
    assert_eq!(
        post.conditions[1],
        Condition::StartsWith {
            field: "key".into(),
            prefix: "uploads/".into()
        }
    );
    // key_starts_with puts ${filename} in the field itself.
    let post2 = PostPolicy::new(&b)
        .key_starts_with("uploads/")
        .sign(&creds(), t(NOW))
        .unwrap();
    assert_eq!(post2.field("key"), Some("uploads/${filename}"));
    assert_eq!(post2.conditions[1], post.conditions[1]);
    // ${filename} elsewhere than at the end is an exact key.
    let post3 = PostPolicy::new(&b)
        .key("${filename}/x")
        .sign(&creds(), t(NOW))
        .unwrap();
    assert_eq!(
        post3.conditions[1],
        Condition::Eq {
            field: "key".into(),
            value: "${filename}/x".into()
        }
    );

    let v = PostVerifier::new(|_: &str| Some(creds()));
    let ok = v
        .verify(
            &PostForm::new("my-uploads", post.fields.clone(), 3).file_name("cat photo.png"),
            t(NOW),
        )
        .unwrap();
    assert_eq!(ok.key, "uploads/cat photo.png");
    // The form may also choose its own key inside the prefix.
    let mut own = post.fields.clone();
    own[0].1 = "uploads/2026/x.bin".into();
    assert_eq!(
        v.verify(&PostForm::new("my-uploads", own, 3), t(NOW))
            .unwrap()
            .key,
        "uploads/2026/x.bin"
    );
    // Without a file name, ${filename} cannot be resolved.
    let e = v
        .verify(&PostForm::new("my-uploads", post.fields.clone(), 3), t(NOW))
        .unwrap_err();
    assert!(matches!(e, PostRejection::InvalidKey { .. }), "{e:?}");
    assert!(e.to_string().contains("${filename}"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Builder validation
// ---------------------------------------------------------------------------------------------

fn reason(r: Result<PresignedPost, Error>) -> String {
    match r {
        Err(Error::InvalidPolicy { reason }) => reason,
        other => panic!("expected InvalidPolicy, got {other:?}"),
    }
}

#[test]
fn validation_errors() {
    let b = bucket();
    let c = creds();
    let now = t(NOW);
    let p = || PostPolicy::new(&b).key("k");

    assert!(reason(PostPolicy::new(&b).sign(&c, now)).contains("no key"));
    assert!(reason(p().expires_in(0).sign(&c, now)).contains("at least 1 second"));
    assert!(reason(p().expires_in(604_801).sign(&c, now)).contains("604800"));
    p().expires_in(604_800).sign(&c, now).unwrap();
    assert!(reason(p().expires_at(now).sign(&c, now)).contains("not after the signing time"));
    assert!(
        reason(p().expires_at(t("2026-11-23T11:00:00Z")).sign(&c, now))
            .contains("not after the signing time")
    );
    assert!(reason(p().expires_at(t("2026-11-30T12:00:01Z")).sign(&c, now)).contains("7 days"));
    p().expires_at(t("2026-11-30T12:00:00Z"))
        .sign(&c, now)
        .unwrap();
    assert!(
        reason(p().content_length_range(10, 1).sign(&c, now)).contains("larger than its maximum")
    );
    p().content_length_range(5, 5).sign(&c, now).unwrap();

    for bad in ["", "a b", "a\"b", "a\r\nb", "a\\b", "$key", "na\u{e9}me"] {
        let r = reason(p().field(bad, "v").sign(&c, now));
        assert!(r.contains("field name"), "{bad:?}: {r}");
    }
    for reserved in [
        "policy",
        "Policy",
        "x-amz-signature",
        "X-Amz-Date",
        "x-amz-credential",
        "x-amz-algorithm",
        "x-amz-security-token",
        "bucket",
        "key",
        "file",
        "x-ignore-foo",
        "content-length-range",
    ] {
        let r = reason(p().field(reserved, "v").sign(&c, now));
        assert!(r.contains("set by the signer"), "{reserved}: {r}");
        let r = reason(p().field_starts_with(reserved, "").sign(&c, now));
        assert!(r.contains("set by the signer"), "{reserved}: {r}");
    }
    for bad in ["", "a b", "a/b"] {
        let r = reason(p().metadata(bad, "v").sign(&c, now));
        assert!(r.contains("x-amz-meta-"), "{bad:?}: {r}");
    }
    for bad in ["text/plain\r\nX-Evil: 1", "a\nb", "nul\0", "tab\there"] {
        let r = reason(p().content_type(bad).sign(&c, now));
        assert!(r.contains("control character"), "{bad:?}: {r}");
        let r = reason(p().metadata("m", bad).sign(&c, now));
        assert!(r.contains("control character"), "{bad:?}: {r}");
    }
    assert!(reason(PostPolicy::new(&b).key("a\r\nb").sign(&c, now)).contains("control character"));
    assert!(reason(p().success_action_status(302).sign(&c, now)).contains("200, 201 or 204"));
    assert!(
        reason(p().checksum_algorithm("MD5").sign(&c, now)).contains("unknown checksum algorithm")
    );
    assert!(reason(p().checksum("SHA256", "abc").sign(&c, now)).contains("32-byte digest"));
    assert!(reason(
        p().checksum("CRC32", &base64_encode(&[1, 2, 3, 4, 5]))
            .sign(&c, now)
    )
    .contains("4-byte digest"));
    p().checksum("crc32c", &base64_encode(&[1, 2, 3, 4]))
        .sign(&c, now)
        .unwrap();
    let r = reason(
        p().field("x-amz-meta-big", &"v".repeat(MAX_POLICY_LEN))
            .sign(&c, now),
    );
    assert!(r.contains("byte limit"), "{r}");

    assert!(matches!(
        PostPolicy::new(&b).key("").sign(&c, now),
        Err(Error::InvalidObjectKey { .. })
    ));
    assert!(matches!(
        PostPolicy::new(&b).key(&"k".repeat(1025)).sign(&c, now),
        Err(Error::InvalidObjectKey { .. })
    ));
    assert!(matches!(
        PostPolicy::new(&b)
            .key_starts_with(&"k".repeat(1024))
            .sign(&c, now),
        Err(Error::InvalidObjectKey { .. })
    ));
    PostPolicy::new(&b)
        .key(&"k".repeat(1024))
        .sign(&c, now)
        .unwrap();

    let short = creds().with_expiration(t("2026-11-23T12:30:00Z"));
    assert!(matches!(
        p().expires_in(3600).sign(&short, now),
        Err(Error::ExpiresAfterCredentials { .. })
    ));
    p().expires_in(1800).sign(&short, now).unwrap();
    assert!(matches!(
        p().sign(&short, t("2026-11-23T12:30:00Z")),
        Err(Error::CredentialsExpired { .. })
    ));

    // Messages say what to do.
    let e = p()
        .field("policy", "x")
        .sign(&c, now)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("invalid POST policy: field \"policy\""),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

const B: &str = "my-uploads";

fn upload_post() -> PresignedPost {
    PostPolicy::new(&bucket())
        .key_starts_with("users/alice/")
        .content_length_range(100, 10 * 1024 * 1024)
        .content_type_starts_with("image/")
        .acl("private")
        .expires_in(600)
        .sign(&creds(), t(NOW))
        .unwrap()
}

fn filled(post: &PresignedPost) -> Vec<(String, String)> {
    let mut f = post.fields.clone();
    f.insert(1, ("Content-Type".into(), "image/png".into()));
    f
}

fn verifier() -> PostVerifier<impl Fn(&str) -> Option<Credentials>> {
    PostVerifier::new(|akid: &str| (akid == "AKIDEXAMPLE").then(creds)).region("eu-west-1")
}

fn verify_with(
    fields: Vec<(String, String)>,
    size: u64,
    now: &str,
) -> Result<presign::s3::post::VerifiedPost, PostRejection> {
    let result = verifier().verify(&PostForm::new(B, fields, size).file_name("cat.png"), t(now));
    if let Err(e) = &result {
        codes::assert_code_names_the_variant(e, e.code());
    }
    result
}

fn set(fields: &mut [(String, String)], name: &str, value: &str) {
    fields
        .iter_mut()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .unwrap()
        .1 = value.into();
}

fn without(fields: &[(String, String)], name: &str) -> Vec<(String, String)> {
    fields
        .iter()
        .filter(|(n, _)| !n.eq_ignore_ascii_case(name))
        .cloned()
        .collect()
}

/// Signs an arbitrary policy text the way the builder would, for malformed-policy cases.
fn sign_raw(fields: &mut [(String, String)], policy_b64: &str) {
    let sig = oracle::sign_hex(
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        "20261123",
        "eu-west-1",
        "s3",
        policy_b64,
    );
    set(fields, "policy", policy_b64);
    set(fields, "x-amz-signature", &sig);
}

#[test]
fn verification_accepts_the_signed_form() {
    let post = upload_post();
    let ok = verify_with(filled(&post), 100, NOW).unwrap();
    assert_eq!(ok.key, "users/alice/cat.png");
    assert_eq!(ok.signed_at, t(NOW));
    assert_eq!(ok.expires_at, t("2026-11-23T12:10:00Z"));
    assert_eq!(ok.conditions, post.conditions);
    verify_with(filled(&post), 10 * 1024 * 1024, "2026-11-23T12:09:59Z").unwrap();
    // Field names compare case-insensitively; x-ignore-* fields are allowed.
    let mut f = filled(&post);
    f[1].0 = "content-TYPE".into();
    f.push(("x-ignore-submit".into(), "Upload".into()));
    f.push(("file".into(), "".into()));
    verify_with(f, 500, NOW).unwrap();
}

#[test]
fn each_verification_rejection() {
    let post = upload_post();
    let good = filled(&post);

    // File size: too large, too small, with the limits in the message.
    let e = verify_with(good.clone(), 10 * 1024 * 1024 + 1, NOW).unwrap_err();
    assert_eq!(
        e,
        PostRejection::FileTooLarge {
            size: 10 * 1024 * 1024 + 1,
            max: 10 * 1024 * 1024
        }
    );
    assert_eq!(e.to_string(), "the file is too large: 10485761 bytes (10.0 MiB), but the policy allows at most 10485760 bytes (10.0 MiB); upload a smaller file");
    assert_eq!((e.s3_code(), e.http_status()), ("EntityTooLarge", 400));
    let e = verify_with(good.clone(), 99, NOW).unwrap_err();
    assert_eq!(e, PostRejection::FileTooSmall { size: 99, min: 100 });
    assert!(e.to_string().contains("at least 100 bytes"), "{e}");
    assert_eq!(e.s3_code(), "EntityTooSmall");

    // Key outside the prefix.
    let mut f = good.clone();
    set(&mut f, "key", "users/bob/cat.png");
    let e = verify_with(f, 100, NOW).unwrap_err();
    assert_eq!(
        e,
        PostRejection::KeyOutsidePrefix {
            key: "users/bob/cat.png".into(),
            prefix: "users/alice/".into()
        }
    );
    assert_eq!(e.to_string(), "the key \"users/bob/cat.png\" is outside the prefix the policy allows: it must start with \"users/alice/\"");
    assert_eq!((e.s3_code(), e.http_status()), ("AccessDenied", 403));

    // Wrong or missing content type.
    let mut f = good.clone();
    set(&mut f, "Content-Type", "text/html");
    let e = verify_with(f, 100, NOW).unwrap_err();
    assert!(
        matches!(&e, PostRejection::WrongContentType { content_type: Some(ct), .. } if ct == "text/html"),
        "{e:?}"
    );
    let e = verify_with(post.fields.clone(), 100, NOW).unwrap_err();
    assert_eq!(
        e,
        PostRejection::WrongContentType {
            content_type: None,
            expected: Requirement::StartsWith("image/".into())
        }
    );
    assert!(e.to_string().contains("add a Content-Type field"), "{e}");

    // Expired policy, and how long ago.
    let e = verify_with(good.clone(), 100, "2026-11-23T12:13:20Z").unwrap_err();
    assert_eq!(
        e,
        PostRejection::PolicyExpired {
            expired_at: t("2026-11-23T12:10:00Z"),
            seconds_ago: 200
        }
    );
    assert_eq!(
        e.to_string(),
        "the policy expired at 2026-11-23T12:10:00Z, 3 min 20 s ago: ask for a new upload form"
    );

    // A field the policy does not cover.
    let mut f = good.clone();
    f.push(("x-amz-meta-extra".into(), "1".into()));
    let e = verify_with(f, 100, NOW).unwrap_err();
    assert_eq!(
        e,
        PostRejection::FieldNotAllowed {
            field: "x-amz-meta-extra".into()
        }
    );
    assert!(e.to_string().contains("x-ignore-x-amz-meta-extra"), "{e}");
    let mut f = good.clone();
    f.push(("submit".into(), "Upload".into()));
    assert_eq!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::FieldNotAllowed {
            field: "submit".into()
        }
    );

    // Another exact condition broken, or its field missing.
    let mut f = good.clone();
    set(&mut f, "acl", "public-read");
    let e = verify_with(f, 100, NOW).unwrap_err();
    assert_eq!(
        e,
        PostRejection::ConditionFailed {
            field: "acl".into(),
            value: Some("public-read".into()),
            expected: Requirement::Exactly("private".into())
        }
    );
    assert_eq!(
        e.to_string(),
        "the field \"acl\" is \"public-read\" but the policy requires exactly \"private\""
    );
    let e = verify_with(without(&good, "acl"), 100, NOW).unwrap_err();
    assert!(
        matches!(&e, PostRejection::ConditionFailed { value: None, .. }),
        "{e:?}"
    );

    // Posted to another bucket, or a bucket field that disagrees with the URL.
    let e = verifier()
        .verify(
            &PostForm::new("other-bucket", good.clone(), 100).file_name("a"),
            t(NOW),
        )
        .unwrap_err();
    assert_eq!(
        e,
        PostRejection::BucketMismatch {
            bucket: "other-bucket".into(),
            expected: Requirement::Exactly(B.into())
        }
    );
    let mut f = good.clone();
    f.push(("bucket".into(), "other-bucket".into()));
    assert!(matches!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::BucketMismatch { .. }
    ));

    // Signature mismatch: a changed signature, a changed policy, another secret.
    let mut f = good.clone();
    let sig = post.field("x-amz-signature").unwrap();
    let flipped = format!(
        "{}{}",
        if sig.starts_with('0') { '1' } else { '0' },
        &sig[1..]
    );
    set(&mut f, "x-amz-signature", &flipped);
    let e = verify_with(f, 100, NOW).unwrap_err();
    assert_eq!(
        e,
        PostRejection::SignatureMismatch {
            access_key_id: "AKIDEXAMPLE".into(),
            scope: "20261123/eu-west-1/s3/aws4_request".into()
        }
    );
    assert!(e.to_string().contains("exactly as signed"), "{e}");
    assert!(!e.to_string().contains(sig), "never shows the signature");
    assert_eq!(
        (e.s3_code(), e.http_status()),
        ("SignatureDoesNotMatch", 403)
    );
    let mut f = good.clone();
    let wider = Policy {
        expiration: t("2026-11-23T12:10:00Z"),
        conditions: vec![],
    }
    .to_base64();
    set(&mut f, "policy", &wider);
    assert!(matches!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::SignatureMismatch { .. }
    ));
    let mut f = good.clone();
    set(&mut f, "x-amz-signature", "not hex");
    assert!(matches!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::SignatureMismatch { .. }
    ));
    let other_secret = PostVerifier::new(|_: &str| {
        Some(Credentials::new("AKIDEXAMPLE", "another-secret").unwrap())
    });
    let e = other_secret
        .verify(&PostForm::new(B, good.clone(), 100).file_name("a"), t(NOW))
        .unwrap_err();
    assert!(matches!(e, PostRejection::SignatureMismatch { .. }));

    // Unknown access key, unsupported algorithm, malformed credential, wrong scope.
    let nobody = PostVerifier::new(|_: &str| None);
    let e = nobody
        .verify(&PostForm::new(B, good.clone(), 100).file_name("a"), t(NOW))
        .unwrap_err();
    assert_eq!(
        e,
        PostRejection::UnknownAccessKey {
            access_key_id: "AKIDEXAMPLE".into()
        }
    );
    assert_eq!(e.http_status(), 403);
    let mut f = good.clone();
    set(&mut f, "x-amz-algorithm", "AWS4-HMAC-SHA1");
    assert_eq!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::UnsupportedAlgorithm {
            algorithm: "AWS4-HMAC-SHA1".into()
        }
    );
    for bad in [
        "AKIDEXAMPLE/20261123/eu-west-1/s3",
        "AKIDEXAMPLE/20261123/eu-west-1/s3/aws4_reques",
        "/20261123/eu-west-1/s3/aws4_request",
        "a/b/c/d/e/f",
    ] {
        let mut f = good.clone();
        set(&mut f, "x-amz-credential", bad);
        assert!(
            matches!(
                verify_with(f, 100, NOW).unwrap_err(),
                PostRejection::MalformedCredential { .. }
            ),
            "{bad}"
        );
    }
    let mut f = good.clone();
    set(
        &mut f,
        "x-amz-credential",
        "AKIDEXAMPLE/20261122/eu-west-1/s3/aws4_request",
    );
    assert!(matches!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::WrongScope { .. }
    ));
    let mut f = good.clone();
    set(
        &mut f,
        "x-amz-credential",
        "AKIDEXAMPLE/20261123/eu-west-1/s4/aws4_request",
    );
    assert!(matches!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::WrongScope { .. }
    ));
    let us = PostVerifier::new(|_: &str| Some(creds())).region("us-east-1");
    let e = us
        .verify(&PostForm::new(B, good.clone(), 100).file_name("a"), t(NOW))
        .unwrap_err();
    assert!(
        matches!(&e, PostRejection::WrongScope { reason } if reason.contains("\"eu-west-1\"")),
        "{e:?}"
    );

    // Dates: malformed, or signed in the future beyond the allowed skew.
    let mut f = good.clone();
    set(&mut f, "x-amz-date", "2026-11-23T12:00:00Z");
    assert!(matches!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::InvalidDate { .. }
    ));
    let e = verify_with(good.clone(), 100, "2026-11-23T11:44:59Z").unwrap_err();
    assert_eq!(e, PostRejection::SignedInTheFuture { seconds_ahead: 901 });
    assert!(e.to_string().contains("15 min 1 s"), "{e}");
    verify_with(good.clone(), 100, "2026-11-23T11:45:00Z").unwrap();

    // Oversized forms are refused before anything else.
    let mut f = good.clone();
    f.extend((0..300).map(|i| (format!("x-ignore-{i}"), String::new())));
    assert_eq!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::FormTooLarge {
            what: "fields",
            limit: 256
        }
    );
    let mut f = good.clone();
    f.push(("x-ignore-big".into(), "x".repeat(70_000)));
    assert!(matches!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::FormTooLarge { what: "bytes", .. }
    ));

    // Missing and duplicated fields.
    for name in [
        "policy",
        "x-amz-algorithm",
        "x-amz-credential",
        "x-amz-date",
        "x-amz-signature",
        "key",
    ] {
        let e = verify_with(without(&good, name), 100, NOW).unwrap_err();
        assert!(
            matches!(e, PostRejection::MissingField { field } if field == name),
            "{name}: {e:?}"
        );
    }
    let mut f = good.clone();
    f.push(("ACL".into(), "private".into()));
    assert_eq!(
        verify_with(f, 100, NOW).unwrap_err(),
        PostRejection::DuplicateField {
            field: "ACL".into()
        }
    );

    // Malformed policies, correctly signed: bad base64, bad JSON, bad conditions, too large.
    for (what, text) in [
        ("base64", "not base64!".to_string()),
        ("json", base64_encode(b"{\"expiration\": \"2026-11-23T12:10:00Z\", \"conditions\": [}")),
        ("operator", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [["in", "$key", "a"]]}"#)),
        ("dollar", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [["eq", "key", "a"]]}"#)),
        ("range", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [["content-length-range", 5, 1]]}"#)),
        ("negative", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [["content-length-range", -1, 1]]}"#)),
        ("float", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [["content-length-range", 0, 1.5]]}"#)),
        ("expiration", base64_encode(br#"{"expiration": "tomorrow", "conditions": []}"#)),
        ("member", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [], "extra": "x"}"#)),
        ("duplicate", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "expiration": "2026-11-23T12:10:00Z", "conditions": []}"#)),
        ("trailing comma", base64_encode(br#"{"expiration": "2026-11-23T12:10:00Z", "conditions": [{"acl": "x"},]}"#)),
        ("size", base64_encode(format!(r#"{{"expiration": "2026-11-23T12:10:00Z", "conditions": [{{"a": "{}"}}]}}"#, "x".repeat(MAX_POLICY_LEN)).as_bytes())),
    ] {
        let mut f = good.clone();
        sign_raw(&mut f, &text);
        let e = verify_with(f, 100, NOW).unwrap_err();
        assert!(matches!(e, PostRejection::MalformedPolicy { .. }), "{what}: {e:?}");
        assert_eq!(e.s3_code(), "InvalidPolicyDocument");
    }
    // A policy without a content-length-range accepts any size; one signed with extra
    // whitespace and \$ / \v escapes (as the S3 documentation allows) parses.
    let mut f = good.clone();
    let text = base64_encode(
        br#"{ "expiration" : "2026-11-23T12:10:00.000Z" ,
             "conditions" : [ {"bucket": "my-uploads"}, ["starts-with", "$key", "users/alice/"], {"acl": "private"},
             ["eq", "\$Content-Type", "image/png"], {"x-amz-algorithm": "AWS4-HMAC-SHA256"},
             {"x-amz-credential": "AKIDEXAMPLE/20261123/eu-west-1/s3/aws4_request"}, {"x-amz-date": "20261123T120000Z"} ] }"#,
    );
    sign_raw(&mut f, &text);
    verify_with(f, u64::MAX, NOW).unwrap();
}

#[test]
fn rejections_never_carry_secrets() {
    let c = creds().with_session_token("SESSIONTOKENSECRET").unwrap();
    let b = bucket();
    let post = PostPolicy::new(&b).key("k").sign(&c, t(NOW)).unwrap();
    let v = PostVerifier::new(|_: &str| Some(creds().with_session_token("OTHERTOKEN").unwrap()));
    let e = v
        .verify(&PostForm::new(B, post.fields.clone(), 1), t(NOW))
        .unwrap_err();
    assert_eq!(e, PostRejection::SecurityTokenMismatch);
    let shown = format!("{e} {e:?}");
    assert!(
        !shown.contains("SESSIONTOKEN") && !shown.contains("OTHERTOKEN"),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn build_then_verify(
        prefix in "[a-zA-Z0-9!_.*'()/-]{0,40}",
        name in "[a-zA-Z0-9 ._~+=&é-]{1,40}",
        min in 0u64..1_000_000,
        span in 0u64..1_000_000_000,
        pick in 0.0f64..=1.0,
        expiry in 1u64..=604_800,
        elapsed in 0.0f64..1.0,
    ) {
        let max = min + span;
        let size = min + ((span as f64) * pick) as u64;
        let now = t(NOW);
        let b = bucket();
        let post = PostPolicy::new(&b)
            .key_starts_with(&prefix)
            .content_length_range(min, max)
            .expires_in(expiry)
            .sign(&creds(), now)
            .unwrap();
        let at = now.add_seconds(((expiry as f64) * elapsed) as u64).unwrap();
        let v = PostVerifier::new(|_: &str| Some(creds()));
        let form = |fields: Vec<(String, String)>, size: u64| PostForm::new(B, fields, size).file_name(&name);

        let ok = v.verify(&form(post.fields.clone(), size), at).unwrap();
        prop_assert_eq!(ok.key, format!("{prefix}{name}"));

        // One byte over the range is refused, with the limit.
        prop_assert_eq!(
            v.verify(&form(post.fields.clone(), max + 1), at),
            Err(PostRejection::FileTooLarge { size: max + 1, max })
        );
        if min > 0 {
            prop_assert_eq!(
                v.verify(&form(post.fields.clone(), min - 1), at),
                Err(PostRejection::FileTooSmall { size: min - 1, min })
            );
        }
        // A key outside the prefix is refused.
        let mut outside = post.fields.clone();
        outside[0].1 = format!("x{prefix}{name}");
        if !outside[0].1.starts_with(&prefix) {
            prop_assert_eq!(
                v.verify(&form(outside.clone(), size), at),
                Err(PostRejection::KeyOutsidePrefix { key: outside[0].1.clone(), prefix: prefix.clone() })
            );
        }
        // And at the expiration, the form is refused.
        let end = now.add_seconds(expiry).unwrap();
        let expired = matches!(v.verify(&form(post.fields.clone(), size), end), Err(PostRejection::PolicyExpired { .. }));
        prop_assert!(expired);
    }

    #[test]
    fn policy_round_trips_through_json(
        values in proptest::collection::vec(any::<String>(), 1..6),
        min in any::<u64>(),
        max in any::<u64>(),
    ) {
        let mut conditions: Vec<Condition> = values
            .iter()
            .enumerate()
            .map(|(i, v)| if i % 2 == 0 {
                Condition::Eq { field: format!("x-amz-meta-{i}"), value: v.clone() }
            } else {
                Condition::StartsWith { field: format!("f{i}"), prefix: v.clone() }
            })
            .collect();
        conditions.push(Condition::ContentLengthRange { min: min.min(max), max: min.max(max) });
        let p = Policy { expiration: t(NOW), conditions };
        let json = p.to_json();
        prop_assert!(json.is_ascii());
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(parsed["conditions"][0][format!("x-amz-meta-{}", 0)].as_str(), Some(values[0].as_str()));
        if json.len() <= MAX_POLICY_LEN {
            prop_assert_eq!(Policy::from_base64(&p.to_base64()).unwrap(), p);
        }
    }

    #[test]
    fn parser_never_panics(data in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = Policy::from_json(&String::from_utf8_lossy(&data));
        let _ = Policy::from_base64(&String::from_utf8_lossy(&data));
        let _ = Policy::from_base64(&base64_encode(&data));
    }

    #[test]
    fn parser_never_panics_on_json_like_text(s in r#"[\[\]{}",:0-9a-z$\\ -]{0,200}"#) {
        let _ = Policy::from_json(&s);
        let wrapped = format!(r#"{{"expiration": "2026-11-23T12:10:00Z", "conditions": [{s}]}}"#);
        let _ = Policy::from_json(&wrapped);
    }
}

// ---------------------------------------------------------------------------------------------
// End to end: multipart/form-data to s3s-fs 0.14.1 on 127.0.0.1
// ---------------------------------------------------------------------------------------------

/// Builds a multipart/form-data body: the fields in order, then the file part, last.
fn multipart_body(
    boundary: &str,
    fields: &[(String, String)],
    file_name: &str,
    content_type: &str,
    file: &[u8],
) -> Vec<u8> {
    let mut body = Vec::new();
    for (n, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{n}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    body
}

struct ParsedForm {
    fields: Vec<(String, String)>,
    file_name: Option<String>,
    file: Vec<u8>,
}

/// A small multipart/form-data parser: parts between `--boundary` delimiters, headers up to the
/// blank line, `name` and `filename` from Content-Disposition. Fields after the file are ignored,
/// as S3 does.
fn parse_multipart(boundary: &str, body: &[u8]) -> Result<ParsedForm, String> {
    let delim = format!("\r\n--{boundary}").into_bytes();
    let first = format!("--{boundary}\r\n").into_bytes();
    if !body.starts_with(&first) {
        return Err("body does not start with the boundary".into());
    }
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let mut rest = &body[first.len()..];
    let mut out = ParsedForm {
        fields: Vec::new(),
        file_name: None,
        file: Vec::new(),
    };
    loop {
        let head_end = find(rest, b"\r\n\r\n").ok_or("part without a blank line")?;
        let head = std::str::from_utf8(&rest[..head_end]).map_err(|_| "part head not UTF-8")?;
        let content = &rest[head_end + 4..];
        let end = find(content, &delim).ok_or("part without a closing boundary")?;
        let value = &content[..end];
        let disposition = head
            .split("\r\n")
            .find_map(|l| {
                l.split_once(':')
                    .filter(|(n, _)| n.trim().eq_ignore_ascii_case("content-disposition"))
                    .map(|(_, v)| v)
            })
            .ok_or("part without Content-Disposition")?;
        let param = |key: &str| {
            disposition.split(';').find_map(|p| {
                let (k, v) = p.trim().split_once('=')?;
                (k == key).then(|| v.trim_matches('"').to_string())
            })
        };
        let name = param("name").ok_or("part without a name")?;
        if name == "file" {
            out.file_name = param("filename");
            out.file = value.to_vec();
            return Ok(out);
        }
        out.fields.push((
            name,
            String::from_utf8(value.to_vec()).map_err(|_| "field value not UTF-8")?,
        ));
        rest = &content[end + delim.len()..];
        if rest.starts_with(b"--") {
            return Err("no file part".into());
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("boundary not followed by CRLF")?;
    }
}

#[test]
fn multipart_round_trip() {
    let fields = vec![
        ("key".to_string(), "a/${filename}".to_string()),
        ("policy".to_string(), "eyJ9".to_string()),
    ];
    let body = multipart_body(
        "XyZ",
        &fields,
        "f.txt",
        "text/plain",
        b"line\r\n--XY\r\nXyZ--\r\n",
    );
    let p = parse_multipart("XyZ", &body).unwrap();
    assert_eq!(p.fields, fields);
    assert_eq!(p.file_name.as_deref(), Some("f.txt"));
    assert_eq!(p.file, b"line\r\n--XY\r\nXyZ--\r\n");
}

/// s3s-fs 0.14.1 implements POST Object with SigV4 POST policies (s3s `post_policy.rs`: policy
/// expiration, eq / starts-with / content-length-range, fields not in the policy refused). Seen
/// on this machine: an in-range upload answers `204 No Content` and the object is readable with
/// a presigned GET; an oversize one answers `400 EntityTooLarge` ("Your proposed upload exceeds
/// the maximum allowed object size."). Every form is also parsed back and verified by our
/// verifier, which must agree.
#[test]
fn e2e_post_upload_to_s3s_fs() {
    let Some(server) = s3s::S3sServer::start_or_skip(&["post-bkt"]) else {
        return;
    };
    let creds = Credentials::new(server.access_key(), server.secret_key()).unwrap();
    let endpoint = Endpoint::custom(&server.endpoint_url(), "us-east-1").unwrap();
    let bucket = Bucket::new(endpoint, "post-bkt").unwrap();
    let now = Timestamp::try_from(std::time::SystemTime::now()).unwrap();
    let post = PostPolicy::new(&bucket)
        .key_starts_with("uploads/")
        .content_length_range(1, 1024)
        .content_type_starts_with("text/")
        .metadata("owner", "alice")
        .expires_in(300)
        .sign(&creds, now)
        .unwrap();
    assert_eq!(post.url, format!("{}/post-bkt/", server.endpoint_url()));
    let (host, path) = s3s::http::split_url(&post.url);
    let ours = PostVerifier::new(|akid: &str| (akid == s3s::ACCESS_KEY).then(|| creds.clone()))
        .region("us-east-1");

    let send = |fields: &[(String, String)], file_name: &str, file: &[u8]| {
        let boundary = "----presign-post-7d1f0c";
        let body = multipart_body(
            boundary,
            fields,
            file_name,
            "application/octet-stream",
            file,
        );
        // Our verifier sees exactly what the server sees.
        let parsed = parse_multipart(boundary, &body).unwrap();
        assert_eq!(parsed.file, file);
        let mut form = PostForm::new("post-bkt", parsed.fields, parsed.file.len() as u64);
        if let Some(n) = &parsed.file_name {
            form = form.file_name(n);
        }
        let verdict = ours.verify(&form, now);
        let content_type = format!("multipart/form-data; boundary={boundary}");
        let r = server.request(
            "POST",
            host,
            path,
            &[("Content-Type", &content_type)],
            &body,
        );
        (verdict, r)
    };
    let mut fields = post.fields.clone();
    fields.insert(1, ("Content-Type".into(), "text/plain".into()));

    // Inside the range: accepted by both, and readable back. The form names its own key inside
    // the prefix here; the `${filename}` form is below.
    let file = b"hello from a browser form\n".repeat(10);
    let mut explicit = fields.clone();
    explicit[0].1 = "uploads/hello.txt".into();
    let (verdict, r) = send(&explicit, "ignored-name.txt", &file);
    assert_eq!(verdict.unwrap().key, "uploads/hello.txt");
    assert!(
        (200..300).contains(&r.status),
        "{} {}\n{}",
        r.status,
        r.text(),
        server.log()
    );
    let get = bucket
        .get_object("uploads/hello.txt")
        .presign(&creds, now, 60)
        .unwrap();
    let back = s3s::http::send_url("GET", &get.url, &[], b"");
    assert_eq!(back.status, 200, "{}", back.text());
    assert_eq!(back.body, file);
    assert_eq!(back.header("content-type"), Some("text/plain"));
    assert_eq!(back.header("x-amz-meta-owner"), Some("alice"));

    // The form exactly as signed, key `uploads/${filename}`: accepted by both. S3 stores it
    // under `uploads/hello2.txt`; s3s-fs 0.14.1 does not substitute `${filename}` and stores the
    // key literally (seen here: the object is `uploads/${filename}`). Accept either, say which.
    let (verdict, r) = send(&fields, "hello2.txt", b"second");
    assert_eq!(verdict.unwrap().key, "uploads/hello2.txt");
    assert!((200..300).contains(&r.status), "{} {}", r.status, r.text());
    let get_key = |key: &str| {
        let url = bucket.get_object(key).presign(&creds, now, 60).unwrap().url;
        s3s::http::send_url("GET", &url, &[], b"")
    };
    let substituted = get_key("uploads/hello2.txt");
    let literal = get_key("uploads/${filename}");
    eprintln!(
        "s3s-fs ${{filename}}: GET uploads/hello2.txt -> {}, GET uploads/${{filename}} -> {}",
        substituted.status, literal.status
    );
    assert!(
        (substituted.status == 200 && substituted.body == b"second")
            || (literal.status == 200 && literal.body == b"second"),
        "the upload is under neither key"
    );

    // One byte over the range: refused by both.
    let big = vec![b'x'; 1025];
    let (verdict, r) = send(&fields, "big.bin", &big);
    assert_eq!(
        verdict,
        Err(PostRejection::FileTooLarge {
            size: 1025,
            max: 1024
        })
    );
    assert_eq!(
        (r.status, r.error_code().as_deref()),
        (400, Some("EntityTooLarge")),
        "{}",
        r.text()
    );
    let gone = s3s::http::send_url(
        "GET",
        &bucket
            .get_object("uploads/big.bin")
            .presign(&creds, now, 60)
            .unwrap()
            .url,
        &[],
        b"",
    );
    assert_eq!(gone.status, 404, "the oversize upload was not stored");

    // A key outside the prefix, a wrong content type, an extra field, a tampered signature:
    // refused by both (with the server's code shown for the record).
    let mut outside = fields.clone();
    outside[0].1 = "elsewhere/x.txt".into();
    let mut wrong_type = fields.clone();
    wrong_type[1].1 = "image/png".into();
    let mut extra = fields.clone();
    extra.push(("x-amz-meta-sneaky".into(), "1".into()));
    let mut tampered = fields.clone();
    let last = tampered.len() - 1;
    tampered[last].1 = "0".repeat(64);
    for (what, f, want_ours, want_server) in [
        (
            "outside",
            outside,
            "AccessDenied",
            (400, "InvalidPolicyDocument"),
        ),
        (
            "content type",
            wrong_type,
            "AccessDenied",
            (400, "InvalidPolicyDocument"),
        ),
        ("extra field", extra, "AccessDenied", (403, "AccessDenied")),
        (
            "tampered",
            tampered,
            "SignatureDoesNotMatch",
            (403, "SignatureDoesNotMatch"),
        ),
    ] {
        let (verdict, r) = send(&f, "x.txt", b"small");
        let e = verdict.expect_err(what);
        assert_eq!(e.s3_code(), want_ours, "{what}: {e}");
        // s3s-fs answers condition failures with 400 InvalidPolicyDocument where S3 answers
        // 403 AccessDenied ("Invalid according to Policy"); both refuse.
        assert_eq!(
            (r.status, r.error_code().as_deref()),
            (want_server.0, Some(want_server.1)),
            "{what}: s3s-fs answered {}",
            r.text()
        );
        eprintln!(
            "{what}: ours {} ({e}); s3s-fs {} {:?}",
            e.s3_code(),
            r.status,
            r.error_code()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A caller-written policy document (sign_document)
// ---------------------------------------------------------------------------------------------

/// botocore's condition order (caller's, bucket, key, auth) and separators, written by hand.
fn botocore_style_document(token: Option<&str>) -> String {
    let mut auth = String::from(
        r#"{"x-amz-algorithm": "AWS4-HMAC-SHA256"}, {"x-amz-credential": "AKIDEXAMPLE/20261123/eu-west-1/s3/aws4_request"}, {"x-amz-date": "20261123T120000Z"}"#,
    );
    if let Some(t) = token {
        auth.push_str(&format!(r#", {{"x-amz-security-token": "{t}"}}"#));
    }
    format!(
        r#"{{"expiration": "2026-11-23T12:10:00Z", "conditions": [{{"acl": "private"}}, ["content-length-range", 1, 100], {{"bucket": "my-uploads"}}, ["starts-with", "$key", "in/"], {auth}]}}"#
    )
}

#[test]
fn a_signed_caller_document_verifies_and_keeps_its_bytes() {
    for token in [None, Some("FQoGZXIvYXdzEXAMPLE")] {
        let c = match token {
            Some(t) => creds().with_session_token(t).unwrap(),
            None => creds(),
        };
        let json = botocore_style_document(token);
        let post =
            presign::s3::post::sign_document(&bucket(), &c, t("2026-11-23T12:00:00Z"), &json)
                .unwrap();
        assert_eq!(post.policy, json);
        assert_eq!(
            base64_decode(post.field("policy").unwrap()).unwrap(),
            json.as_bytes()
        );
        let names: Vec<&str> = post.fields.iter().map(|(n, _)| n.as_str()).collect();
        let mut want = vec![
            "acl",
            "policy",
            "x-amz-algorithm",
            "x-amz-credential",
            "x-amz-date",
        ];
        if token.is_some() {
            want.push("x-amz-security-token");
        }
        want.push("x-amz-signature");
        assert_eq!(names, want);
        // The signature is HMAC(kSigning, base64 policy), recomputed independently.
        assert_eq!(
            post.field("x-amz-signature").unwrap(),
            oracle::sign_hex(
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "20261123",
                "eu-west-1",
                "s3",
                post.field("policy").unwrap()
            )
        );
        let mut fields = post.fields.clone();
        fields.insert(0, ("key".into(), "in/cat.png".into()));
        let v = PostVerifier::new(|akid: &str| (akid == "AKIDEXAMPLE").then(|| c.clone()))
            .region("eu-west-1")
            .verify(&PostForm::new(B, fields, 10), t("2026-11-23T12:05:00Z"))
            .unwrap();
        assert_eq!(v.key, "in/cat.png");
    }
}

#[test]
fn a_caller_document_that_s3_would_refuse_is_not_signed() {
    let json = botocore_style_document(None);
    let now = t("2026-11-23T12:00:00Z");
    let sign = |json: &str, c: &Credentials, now| {
        presign::s3::post::sign_document(&bucket(), c, now, json)
            .unwrap_err()
            .to_string()
    };
    let cases = [
        (
            json.replace(r#", {"x-amz-date": "20261123T120000Z"}"#, ""),
            r#"must hold the condition {"x-amz-date": "20261123T120000Z"}"#,
        ),
        (
            json.replace("20261123/eu-west-1", "20261123/us-east-1"),
            r#"{"x-amz-credential": "AKIDEXAMPLE/20261123/eu-west-1/s3/aws4_request"}"#,
        ),
        (
            json.replace(r#"{"bucket": "my-uploads"}"#, r#"{"bucket": "other"}"#),
            "names \"other\", but the form goes to bucket \"my-uploads\"",
        ),
        (
            json.replace("2026-11-23T12:10:00Z", "2026-11-23T11:59:00Z"),
            "is not after the signing time",
        ),
        (
            json.replace("2026-11-23T12:10:00Z", "2026-12-23T12:10:00Z"),
            "more than 604800 s",
        ),
        (
            json.replace("conditions", "condition"),
            "invalid POST policy",
        ),
    ];
    for (doc, want) in &cases {
        let msg = sign(doc, &creds(), now);
        assert!(msg.contains(want), "{msg}");
    }
    // A session token must be covered, and is never shown.
    let with_token = creds().with_session_token("FQoGZXIvYXdzSECRET").unwrap();
    let msg = sign(&json, &with_token, now);
    assert!(msg.contains("x-amz-security-token"), "{msg}");
    assert!(!msg.contains("FQoGZXIvYXdzSECRET"), "{msg}");
    // Credentials that expire before the policy does.
    let short = creds().with_expiration(t("2026-11-23T12:05:00Z"));
    assert!(matches!(
        presign::s3::post::sign_document(&bucket(), &short, now, &json),
        Err(Error::ExpiresAfterCredentials { .. })
    ));
}
