//! Reading a presigned URL back: its scope, date, expiry and signed headers.

use super::finding::{Finding, Which};
use crate::encoding;
use crate::verify::{self, RawParam, AUTH_PARAMS};
use crate::Timestamp;
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The `Host` value split into host name and explicit port.
pub(super) fn host_port(host: &str) -> (&str, Option<&str>) {
    if let Some(rest) = host.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((_, p)) => (&host[..host.len() - p.len()], p.strip_prefix(':')),
            None => (host, None),
        };
    }
    match host.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h, Some(p)),
        _ => (host, None),
    }
}

/// `xx-name-N` (two-letter prefix, words, a number): what AWS region codes look like.
fn looks_like_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts
            .first()
            .is_some_and(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts
            .last()
            .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The region named by an AWS S3 endpoint host (`b.s3.REGION.amazonaws.com`,
/// `b.s3-REGION.amazonaws.com`, `s3.dualstack.REGION...`, `s3-fips.REGION...`).
pub(crate) fn region_of_host(host: &str) -> Option<&str> {
    let (name, _) = host_port(host);
    if !(name.ends_with(".amazonaws.com") || name.ends_with(".amazonaws.com.cn")) {
        return None;
    }
    let labels: Vec<&str> = name.split('.').collect();
    for (i, l) in labels.iter().enumerate() {
        if let Some(r) = l.strip_prefix("s3-").filter(|r| looks_like_region(r)) {
            return Some(r);
        }
        let s3_label = *l == "s3" || l.starts_with("s3-") || *l == "dualstack";
        if s3_label {
            if let Some(next) = labels.get(i + 1).filter(|n| looks_like_region(n)) {
                return Some(next);
            }
        }
    }
    None
}

/// What the presigned URL says about itself.
pub(super) struct Signed<'a> {
    pub(super) parts: verify::UrlParts<'a>,
    pub(super) params: Vec<RawParam<'a>>,
    pub(super) date: Option<Timestamp>,
    pub(super) expires: Option<u64>,
    pub(super) expires_raw: Option<Cow<'a, str>>,
    pub(super) region: Option<String>,
    pub(super) service: Option<String>,
    pub(super) signed_headers: Vec<String>,
    pub(super) missing: Vec<&'static str>,
}

pub(super) fn read_signed(url: &str) -> Result<Signed<'_>, Finding> {
    if url.len() > verify::MAX_URL_LEN {
        return Err(Finding::TooLarge {
            what: "presigned URL",
        });
    }
    let parts = verify::split_url(url).map_err(|reason| Finding::UnusableUrl {
        which: Which::Presigned,
        reason,
    })?;
    let params = verify::raw_params(parts.query, verify::MAX_QUERY_PARAMS).map_err(|_| {
        Finding::TooLarge {
            what: "presigned URL's query",
        }
    })?;
    let value = |i: usize| {
        params
            .iter()
            .find(|p| p.auth_index() == Some(i))
            .map(|p| encoding::decode_lossy(p.raw_value))
    };
    let missing: Vec<&'static str> = AUTH_PARAMS[..6]
        .iter()
        .enumerate()
        .filter(|(i, _)| value(*i).is_none())
        .map(|(_, n)| *n)
        .collect();
    let date = value(2).and_then(|d| Timestamp::parse_amz_date(&d).ok());
    let expires_raw = value(3);
    let expires = expires_raw.as_deref().and_then(|e| {
        if e.len() <= 19 {
            e.parse::<u64>().ok()
        } else {
            None
        }
    });
    let (region, service) = match value(1) {
        Some(c) => {
            let mut it = c.rsplitn(5, '/');
            let _term = it.next();
            let service = it.next().map(String::from);
            let region = it.next().map(String::from);
            (region, service)
        }
        None => (None, None),
    };
    let signed_headers = value(4)
        .map(|s| {
            s.split(';')
                .filter(|n| !n.is_empty())
                .take(verify::MAX_SIGNED_HEADERS)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    Ok(Signed {
        parts,
        params,
        date,
        expires,
        expires_raw,
        region,
        service,
        signed_headers,
        missing,
    })
}
