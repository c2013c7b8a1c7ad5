//! A small INI reader for the AWS shared `config` and `credentials` files, with the rules the
//! AWS CLI (Python's `configparser`) applies:
//!
//! - `[section]` headers; `key = value` or `key: value` (split at the first `=` or `:`);
//! - keys are case-insensitive (stored lower-case), values are trimmed;
//! - whole-line comments start with `#` or `;` (no inline comments: `a = b # c` is `b # c`);
//! - an indented line after a setting continues it: `s3 =` followed by indented `key = value`
//!   lines is a nested block (read with [`nested`]);
//! - a section given twice is merged, and a key given twice keeps its last value.
//!
//! Errors name the file and line but never quote the line: it may hold a secret key.

use std::collections::BTreeMap;

/// A parsed file: sections by name, each a map of lower-case keys to values.
#[derive(Default)]
pub struct Ini {
    sections: BTreeMap<String, BTreeMap<String, String>>,
}

/// Why a line could not be read (1-based line number).
#[derive(Debug, PartialEq, Eq)]
pub struct IniError {
    pub line: usize,
    pub reason: &'static str,
}

impl Ini {
    /// Parses `text`.
    pub fn parse(text: &str) -> Result<Ini, IniError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut ini = Ini::default();
        let mut section: Option<String> = None;
        // The key whose value an indented line continues.
        let mut last_key: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                last_key = None;
                continue;
            }
            if trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            let indented = raw.starts_with([' ', '\t']);
            if indented {
                if let (Some(s), Some(k)) = (&section, &last_key) {
                    if let Some(v) = ini.sections.get_mut(s).and_then(|m| m.get_mut(k)) {
                        v.push('\n');
                        v.push_str(trimmed);
                        continue;
                    }
                }
            }
            if let Some(rest) = trimmed.strip_prefix('[') {
                let Some(name) = rest.strip_suffix(']') else {
                    return Err(IniError {
                        line,
                        reason: "a section header must end with ']'",
                    });
                };
                let name = name.trim().to_string();
                ini.sections.entry(name.clone()).or_default();
                section = Some(name);
                last_key = None;
                continue;
            }
            let Some(split) = trimmed.find(['=', ':']) else {
                return Err(IniError {
                    line,
                    reason: "expected `key = value`, a `[section]` header or a comment",
                });
            };
            let key = trimmed[..split].trim().to_ascii_lowercase();
            if key.is_empty() {
                return Err(IniError {
                    line,
                    reason: "a setting has no name before '='",
                });
            }
            let value = trimmed[split + 1..].trim().to_string();
            let Some(s) = &section else {
                return Err(IniError {
                    line,
                    reason: "a setting comes before any [section] header",
                });
            };
            ini.sections
                .entry(s.clone())
                .or_default()
                .insert(key.clone(), value);
            last_key = Some(key);
        }
        Ok(ini)
    }

    /// The section named exactly `name`.
    pub fn section(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        self.sections.get(name)
    }

    /// A profile of the `config` file: `[default]` (or `[profile default]`) for `default`,
    /// `[profile NAME]` for the others (any whitespace between `profile` and the name).
    pub fn config_profile(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        let prefixed = self.sections.iter().find_map(|(section, map)| {
            let rest = section.strip_prefix("profile")?;
            (rest.starts_with([' ', '\t']) && rest.trim() == name).then_some(map)
        });
        if name == "default" {
            self.sections.get("default").or(prefixed)
        } else {
            prefixed
        }
    }

    /// A `[services NAME]` section of the `config` file.
    pub fn services(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        self.sections.iter().find_map(|(section, map)| {
            let rest = section.strip_prefix("services")?;
            (rest.starts_with([' ', '\t']) && rest.trim() == name).then_some(map)
        })
    }
}

/// The `key = value` lines of a nested block (`s3 =` followed by indented settings).
pub fn nested(value: &str) -> BTreeMap<String, String> {
    value
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_profiles_comments_and_nested_blocks() {
        let text = "\u{feff}# comment\n[default]\naws_access_key_id = AKID\nAWS_Secret_Access_Key=se=cret\n; other\n\n[profile  dev]\nregion: eu-west-1\ns3 =\n  addressing_style = path\n  use_accelerate_endpoint = true\nendpoint_url = http://localhost:9000 # not a comment\n[services local]\ns3 =\n    endpoint_url = http://127.0.0.1:1\n[default]\nregion = us-east-2\n";
        let ini = Ini::parse(text).unwrap();
        let d = ini.config_profile("default").unwrap();
        assert_eq!(d["aws_access_key_id"], "AKID");
        assert_eq!(d["aws_secret_access_key"], "se=cret");
        assert_eq!(d["region"], "us-east-2");
        let dev = ini.config_profile("dev").unwrap();
        assert_eq!(dev["region"], "eu-west-1");
        assert_eq!(dev["endpoint_url"], "http://localhost:9000 # not a comment");
        let s3 = nested(&dev["s3"]);
        assert_eq!(s3["addressing_style"], "path");
        assert_eq!(s3["use_accelerate_endpoint"], "true");
        assert_eq!(
            nested(&ini.services("local").unwrap()["s3"])["endpoint_url"],
            "http://127.0.0.1:1"
        );
        assert!(ini.config_profile("profile").is_none());
        assert!(ini.section("profile  dev").is_some());
    }

    #[test]
    fn errors_name_the_line_not_its_content() {
        let e = Ini::parse("[default]\naws_secret_access_key\n")
            .err()
            .unwrap();
        assert_eq!(e.line, 2);
        assert!(!e.reason.contains("aws_secret"));
        assert_eq!(Ini::parse("key = v\n").err().unwrap().line, 1);
        assert_eq!(Ini::parse("[open\n").err().unwrap().line, 1);
        assert_eq!(Ini::parse("[s]\n = v\n").err().unwrap().line, 2);
    }

    #[test]
    fn profile_default_spellings() {
        let ini = Ini::parse("[profile default]\nregion = a\n").unwrap();
        assert_eq!(ini.config_profile("default").unwrap()["region"], "a");
        let ini = Ini::parse("[default]\nregion = b\n[profile default]\nregion = a\n").unwrap();
        assert_eq!(ini.config_profile("default").unwrap()["region"], "b");
    }
}
