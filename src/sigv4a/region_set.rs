//! `X-Amz-Region-Set`: the regions a SigV4a signature is valid in.

use crate::Error;
use alloc::string::String;
use core::fmt;

/// The regions a SigV4a signature is valid in: `*` (every region), or a comma-separated list of
/// region codes, each of which may hold `*` wildcards (`us-*`). It is signed, in the
/// `X-Amz-Region-Set` header or query parameter.
#[derive(Clone, PartialEq, Eq)]
pub struct RegionSet(String);

/// The longest region set accepted, in bytes (every AWS region listed fits several times).
pub const MAX_REGION_SET_LEN: usize = 1024;

impl RegionSet {
    /// Every region: `*`.
    pub fn any() -> Self {
        RegionSet(String::from("*"))
    }

    /// A region set from its text: `*`, `us-east-1`, `us-east-1,eu-west-1`, `us-*`.
    ///
    /// # Errors
    /// [`Error::InvalidRegion`] (carrying the whole text) when it is empty, longer than
    /// [`MAX_REGION_SET_LEN`], has an empty entry, spaces, or characters other than lower-case
    /// letters, digits, `-` and `*` in an entry.
    pub fn new(text: &str) -> Result<Self, Error> {
        let entry_ok = |e: &str| {
            !e.is_empty()
                && e.len() <= 63
                && e.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'*')
        };
        if text.is_empty() || text.len() > MAX_REGION_SET_LEN || !text.split(',').all(entry_ok) {
            return Err(Error::InvalidRegion {
                region: String::from(text),
            });
        }
        Ok(RegionSet(String::from(text)))
    }

    /// A region set of the given regions, joined with `,`.
    ///
    /// # Errors
    /// As [`new`](Self::new).
    pub fn of<'r>(regions: impl IntoIterator<Item = &'r str>) -> Result<Self, Error> {
        let mut text = String::new();
        for (i, r) in regions.into_iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(r);
        }
        Self::new(&text)
    }

    /// The text signed and sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the set covers `region` (`*` matches any run of characters in an entry).
    pub fn contains(&self, region: &str) -> bool {
        self.0
            .split(',')
            .any(|e| wildcard_match(e.as_bytes(), region.as_bytes()))
    }
}

/// `pattern` with `*` matching any (possibly empty) run of bytes, against `text`.
fn wildcard_match(pattern: &[u8], text: &[u8]) -> bool {
    // Greedy matching with one backtrack point: linear for a single `*`, quadratic at worst.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, t));
            p += 1;
        } else if p < pattern.len() && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&b| b == b'*')
}

impl fmt::Debug for RegionSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegionSet({})", self.0)
    }
}

impl fmt::Display for RegionSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_sets_and_refuses_malformed_ones() {
        for ok in ["*", "us-east-1", "us-east-1,eu-west-1", "us-*", "*-west-*"] {
            assert_eq!(RegionSet::new(ok).unwrap().as_str(), ok);
        }
        let long = "a,".repeat(600);
        for bad in [
            "",
            ",",
            "us-east-1,",
            "us-east-1, eu-west-1",
            "US-EAST-1",
            "us_east_1",
            &long,
        ] {
            assert!(
                matches!(RegionSet::new(bad), Err(Error::InvalidRegion { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(
            RegionSet::of(["us-east-1", "us-west-2"]).unwrap().as_str(),
            "us-east-1,us-west-2"
        );
        assert!(RegionSet::of([]).is_err());
        assert_eq!(RegionSet::any().as_str(), "*");
    }

    #[test]
    fn contains_with_wildcards() {
        let s = RegionSet::new("us-*,eu-west-1").unwrap();
        assert!(s.contains("us-east-1"));
        assert!(s.contains("us-"));
        assert!(s.contains("eu-west-1"));
        assert!(!s.contains("eu-west-2"));
        assert!(!s.contains("ap-southeast-1"));
        assert!(RegionSet::any().contains("cn-north-1"));
        assert!(RegionSet::new("*-west-*").unwrap().contains("eu-west-3"));
        assert!(!RegionSet::new("*-west-*").unwrap().contains("eu-east-3"));
        assert!(RegionSet::new("a*b*c").unwrap().contains("axxbyyc"));
        assert!(!RegionSet::new("a*b*c").unwrap().contains("axxbyy"));
    }
}
