//! Parsers for option values several commands take: lifetimes, times, headers, `name=value`
//! pairs and sizes. Each returns a message saying what to write instead (clap prints it).

use presign::sigv4::MAX_EXPIRES;
use presign::Timestamp;

/// Parses an expiry: seconds (`3600`), or a number with a unit `s`, `m`, `h`, `d` (`15m`, `1h`,
/// `7d`). The result is checked against SigV4's 1..=604800 seconds.
pub fn parse_expires(s: &str) -> std::result::Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, "s"),
    };
    let mult = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("\"{s}\" is not a duration: give seconds (3600) or a number with s, m, h or d (15m, 1h, 7d)")),
    };
    let n: u64 = digits.parse().map_err(|_| format!("\"{s}\" is not a duration: give seconds (3600) or a number with s, m, h or d (15m, 1h, 7d)"))?;
    let secs = n.saturating_mul(mult);
    if secs == 0 || secs > MAX_EXPIRES {
        let given = if unit == "s" {
            format!("{secs} s")
        } else {
            format!("{s} = {secs} s")
        };
        return Err(format!(
            "{given} is out of range: presigned URLs live 1 s to 7 days (604800 s)"
        ));
    }
    Ok(secs)
}

/// Parses an RFC 3339 time (`2013-05-24T00:00:00Z`).
pub fn parse_time(s: &str) -> std::result::Result<Timestamp, String> {
    Timestamp::parse_rfc3339(s).map_err(|e| e.to_string())
}

/// Parses `Name: value` (the value trimmed; it may be empty).
pub fn parse_header(s: &str) -> std::result::Result<(String, String), String> {
    let Some((name, value)) = s.split_once(':') else {
        return Err(format!("\"{s}\" is not a header: write 'Name: value'"));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("\"{s}\" has no header name: write 'Name: value'"));
    }
    Ok((name.to_string(), value.trim().to_string()))
}

/// Parses `name=value` (the value may be empty; the name may not).
pub fn parse_kv(s: &str) -> std::result::Result<(String, String), String> {
    let (k, v) = s.split_once('=').unwrap_or((s, ""));
    if k.is_empty() {
        return Err(format!("\"{s}\" has no name: write name=value"));
    }
    Ok((k.to_string(), v.to_string()))
}
/// Parses `10MB`, `10MiB`, `500KB`, `1GB`, `123` (bytes).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("\"{s}\" is not a size: write bytes or e.g. 10MB, 10MiB"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "\"{s}\": unknown size unit (use B, KB, MB, GB, KiB, MiB or GiB)"
            ))
        }
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("\"{s}\" is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires() {
        assert_eq!(parse_expires("3600"), Ok(3600));
        assert_eq!(parse_expires("15m"), Ok(900));
        assert_eq!(parse_expires("1h"), Ok(3600));
        assert_eq!(parse_expires("7d"), Ok(604_800));
        assert_eq!(parse_expires("30s"), Ok(30));
        assert!(parse_expires("8d").is_err());
        assert!(parse_expires("0").is_err());
        assert!(parse_expires("1w").is_err());
        assert!(parse_expires("h").is_err());
        assert!(parse_expires("-5").is_err());
        assert!(parse_expires("99999999999999999999").is_err());
    }

    #[test]
    fn headers_and_kv() {
        assert_eq!(
            parse_header("Content-Type: text/plain"),
            Ok(("Content-Type".into(), "text/plain".into()))
        );
        assert_eq!(parse_header("x-a:"), Ok(("x-a".into(), "".into())));
        assert_eq!(parse_header("x-a: b: c"), Ok(("x-a".into(), "b: c".into())));
        assert!(parse_header("nocolon").is_err());
        assert!(parse_header(": v").is_err());
        assert_eq!(parse_kv("a=b=c"), Ok(("a".into(), "b=c".into())));
        assert_eq!(parse_kv("uploads"), Ok(("uploads".into(), "".into())));
        assert!(parse_kv("=x").is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("123").unwrap(), 123);
        assert_eq!(parse_size("10MB").unwrap(), 10_000_000);
        assert_eq!(parse_size("10MiB").unwrap(), 10 << 20);
        assert_eq!(parse_size("500 KB").unwrap(), 500_000);
        assert!(parse_size("ten").is_err());
        assert!(parse_size("10XB").is_err());
        assert!(parse_size("99999999999999999999GB").is_err());
    }
}
