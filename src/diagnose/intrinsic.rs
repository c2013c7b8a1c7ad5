//! What a presigned URL says about itself, with no client request to compare with.

use super::finding::Finding;
use super::input::{Context, Intended};
use super::signed_url::{read_signed, region_of_host, Signed};
use crate::canonical::UriPath;
use crate::sigv4::MAX_EXPIRES;
use crate::verify::{self};
use crate::{encoding, warnings};
use alloc::vec::Vec;

/// Findings about the presigned URL itself: expiry, region, credentials lifetime, and what
/// common clients are known to break about it ([`Finding::ClientHazard`]).
///
/// ```
/// use presign::diagnose::{diagnose_url, Context, Finding, Intended};
/// use presign::Timestamp;
/// let url = "https://b.s3.us-east-2.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20260101%2Fus-east-2%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
/// let ctx = Context::default().expected_region("ap-south-1").now(Timestamp::parse_rfc3339("2026-01-01T01:00:00Z")?);
/// let findings = diagnose_url(&Intended::from_url(Some("GET"), url), &ctx);
/// assert!(findings.iter().any(|f| matches!(f, Finding::RegionMismatch { expected, .. } if expected == "ap-south-1")));
/// assert!(findings.iter().any(|f| matches!(f, Finding::Expired { seconds_ago: 2700, .. })));
/// # Ok::<(), presign::Error>(())
/// ```
pub fn diagnose_url(intended: &Intended<'_>, context: &Context<'_>) -> Vec<Finding> {
    match read_signed(intended.url) {
        Ok(s) => {
            let mut out = intrinsic(&s, context);
            client_hazards(&s, &mut out);
            out
        }
        Err(f) => alloc::vec![f],
    }
}

/// The warnings a presign of this URL would carry: dot segments (S3's path rules only, as
/// other services normalize the path) and non-ASCII `response-*` overrides.
fn client_hazards(s: &Signed<'_>, out: &mut Vec<Finding>) {
    let s3 = s
        .service
        .as_deref()
        .is_none_or(|svc| UriPath::for_service(svc) == UriPath::S3);
    if !s3 {
        return;
    }
    let mut found = Vec::new();
    warnings::check_path(s.parts.path, &mut found);
    for p in &s.params {
        if let (Ok(name), Ok(value)) = (
            core::str::from_utf8(&p.name),
            core::str::from_utf8(&encoding::decode(p.raw_value)),
        ) {
            warnings::check_s3_query(name, value, &mut found);
        }
    }
    out.extend(
        found
            .into_iter()
            .map(|warning| Finding::ClientHazard { warning }),
    );
}

pub(super) fn intrinsic(s: &Signed<'_>, ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if !s.missing.is_empty() {
        out.push(Finding::NotPresigned {
            missing: s.missing.clone(),
        });
    }
    match (s.expires, &s.expires_raw) {
        (Some(e), _) if (1..=MAX_EXPIRES).contains(&e) => {}
        (Some(e), _) => out.push(Finding::ExpiryTooLong { seconds: e }),
        (None, Some(_)) => out.push(Finding::ExpiryTooLong { seconds: 0 }),
        (None, None) => {}
    }
    let expires_at = match (s.date, s.expires) {
        (Some(d), Some(e)) => d.add_seconds(e).ok(),
        _ => None,
    };
    if let (Some(now), Some(date)) = (ctx.now, s.date) {
        if let Some(at) = expires_at {
            if now >= at {
                out.push(Finding::Expired {
                    expired_at: at,
                    seconds_ago: (now.unix() - at.unix()) as u64,
                });
            }
        }
        if date.unix() - now.unix() > verify::DEFAULT_MAX_SKEW as i64 {
            out.push(Finding::NotYetValid {
                signed_at: date,
                seconds_ahead: (date.unix() - now.unix()) as u64,
            });
        }
    }
    if let Some(signed) = &s.region {
        let expected = match ctx.expected_region {
            Some(r) => Some((r, false)),
            None => region_of_host(s.parts.host).map(|r| (r, true)),
        };
        if let Some((expected, from_host)) = expected {
            if signed != expected {
                out.push(Finding::RegionMismatch {
                    signed: verify::clip(signed, 64),
                    expected: verify::clip(expected, 64),
                    from_host,
                });
            }
        }
    }
    if let (Some(cred), Some(url)) = (ctx.credentials_expire_at, expires_at) {
        if cred < url {
            let already = ctx.now.is_some_and(|n| n >= cred);
            out.push(Finding::CredentialsExpireFirst {
                credentials_expire_at: cred,
                url_expires_at: url,
                already,
            });
        }
    }
    out
}
