use super::base64::{base64_decode, base64_encode};
use super::json_writer::write_json_string;
use super::policy::{Condition, Policy};
use super::rejection::{Bytes, Duration};
use crate::Timestamp;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use alloc::vec;

#[test]
fn base64_round_trips_and_refuses_garbage() {
    for n in 0..40usize {
        let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
        assert_eq!(base64_decode(&base64_encode(&data)).unwrap(), data);
    }
    assert_eq!(base64_decode("eyAi\r\nYSI=").unwrap(), b"{ \"a\"");
    for bad in [
        "e",
        "eyA",
        "eyA!",
        "ey=A",
        "=eyA",
        "eyAiYS==",
        "eyAiYSI=eyAi",
        "eyAiYSI=\n=",
        "eQ=x",
    ] {
        assert!(base64_decode(bad).is_err(), "{bad}");
    }
}

#[test]
fn json_parser_is_total_on_truncations() {
    let doc = r#"{"expiration": "2015-12-30T12:00:00.000Z", "conditions": [{"bucket": "b"}, ["starts-with", "$key", "a\u00e9\ud83d\ude00"], ["content-length-range", 0, 10]]}"#;
    let p = Policy::from_json(doc).unwrap();
    assert_eq!(
        p.conditions[1],
        Condition::StartsWith {
            field: "key".into(),
            prefix: "aé😀".into()
        }
    );
    for i in 0..doc.len() {
        if doc.is_char_boundary(i) {
            assert!(Policy::from_json(&doc[..i]).is_err(), "{i}");
        }
    }
    let deep = "[".repeat(100);
    assert!(Policy::from_json(&deep).is_err());
}

#[test]
fn json_writer_matches_python() {
    let mut s = String::new();
    write_json_string(&mut s, "\u{7f}\u{1f}\u{8}\u{c}");
    assert_eq!(s, r#""\u007f\u001f\b\f""#);
    let p = Policy {
        expiration: Timestamp::UNIX_EPOCH,
        conditions: vec![Condition::ContentLengthRange {
            min: 0,
            max: u64::MAX,
        }],
    };
    assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
    let over = r#"{"expiration": "1970-01-01T00:00:00Z", "conditions": [["content-length-range", 0, 18446744073709551616]]}"#;
    assert!(Policy::from_json(over).is_err());
    let huge = alloc::format!(
        r#"{{"expiration": "1970-01-01T00:00:00Z", "conditions": [["content-length-range", 0, 1{}]]}}"#,
        "0".repeat(60)
    );
    assert!(Policy::from_json(&huge).is_err());
}

#[test]
fn durations_and_sizes_read_well() {
    assert_eq!(format!("{}", Duration(59)), "59 s");
    assert_eq!(format!("{}", Duration(600)), "10 min 0 s");
    assert_eq!(format!("{}", Duration(90_000)), "25 h 0 min");
    assert_eq!(
        format!("{}", Bytes(10 * 1024 * 1024)),
        "10485760 bytes (10.0 MiB)"
    );
    assert_eq!(format!("{}", Bytes(10)), "10 bytes");
}

#[test]
fn json_strings_escape_as_python_json_dumps() {
    let mut s = String::new();
    write_json_string(&mut s, "a\"b\\c\n\u{1}é😀/");
    assert_eq!(s, r#""a\"b\\c\n\u0001\u00e9\ud83d\ude00/""#);
}

#[test]
fn base64_errors_say_what_is_wrong() {
    let reason = |text: &str| match base64_decode(text) {
        Err(crate::Error::InvalidPolicy { reason }) => reason,
        other => panic!("{text:?}: {other:?}"),
    };
    for (text, want) in [
        ("e", "length"),
        ("eyA", "length"),
        ("eyA!", "outside"),
        ("ey=A", "padding"),
        ("=eyA", "padding"),
        ("eyAiYSI=eyAi", "padding"),
        ("eQ=x", "padding"),
        ("eQ==\n=", "padding"),
        ("eR==", "non-zero bits"),
    ] {
        let r = reason(text);
        assert!(r.starts_with("the policy is not valid base64: "), "{r}");
        assert!(r.contains(want), "{text:?}: {r}");
    }
}
