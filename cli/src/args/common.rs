//! The options every signing command takes.

use super::values::{parse_expires, parse_header, parse_time};
use clap::Args;
use presign::Timestamp;

/// Options every signing command takes.
#[derive(Args, Clone)]
pub struct CommonArgs {
    /// Region to sign for (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region; for
    /// S3, then us-east-1).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Sign at this time instead of now (RFC 3339, e.g. 2013-05-24T00:00:00Z): reproducible output.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub time: Option<Timestamp>,
    /// Lifetime: seconds, or with a unit: 90s, 15m, 1h, 7d (at most 7 days).
    #[arg(long, value_name = "DURATION", value_parser = parse_expires)]
    pub expires_in: Option<u64>,
    /// A header to sign, 'Name: value' (repeatable). The client must send it with this value.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    pub headers: Vec<(String, String)>,
    /// Print JSON: method, url, headers to send, signed_at, expires_at.
    #[arg(long)]
    pub json: bool,
    /// Also print the canonical request and string to sign (on stderr; with --json as the
    /// fields canonical_request and string_to_sign), to compare with the ones in S3's
    /// SignatureDoesNotMatch error body. Session tokens are shown as `<redacted>`.
    #[arg(long)]
    pub show_signing: bool,
    /// The profile in ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE, then default).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// With temporary credentials that expire before the URL would, shorten the URL's lifetime
    /// to theirs instead of refusing.
    #[arg(long)]
    pub clamp_expiry: bool,
    /// Refuse to presign (exit 1) a request common clients are known to break, instead of
    /// warning on stderr (or in --json's "warnings"): `.`/`..` key segments browsers and curl
    /// remove, non-ASCII header values, headers browsers cannot set, ...
    #[arg(long)]
    pub deny_warnings: bool,
}
