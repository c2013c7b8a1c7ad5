use super::timestamp::{Timestamp, MAX_UNIX};
use crate::Error;

#[test]
fn formats_known_instants() {
    let t = Timestamp::from_unix(1_369_353_600).unwrap();
    assert_eq!(t.amz_date().as_str(), "20130524T000000Z");
    assert_eq!(t.amz_date().date(), "20130524");
    assert_eq!(alloc::format!("{t}"), "2013-05-24T00:00:00Z");
    let leap = Timestamp::parse_rfc3339("2024-02-29T23:59:59Z").unwrap();
    assert_eq!(leap.amz_date().as_str(), "20240229T235959Z");
    let max = Timestamp::from_unix(MAX_UNIX).unwrap();
    assert_eq!(max.amz_date().as_str(), "99991231T235959Z");
}

#[test]
fn round_trips_every_day_boundary_sampled() {
    let mut s = 0i64;
    while s <= MAX_UNIX {
        let t = Timestamp::from_unix(s).unwrap();
        assert_eq!(Timestamp::from_date_time(t.date_time()).unwrap(), t);
        assert_eq!(Timestamp::parse_amz_date(t.amz_date().as_str()).unwrap(), t);
        s += 86_400 * 37 + 3_601;
    }
}

#[cfg(feature = "time")]
#[test]
fn from_offset_date_time() {
    let t = time::OffsetDateTime::from_unix_timestamp(1_369_353_600).unwrap();
    assert_eq!(
        Timestamp::try_from(t).unwrap().amz_date().as_str(),
        "20130524T000000Z"
    );
    let before = time::OffsetDateTime::from_unix_timestamp(-1).unwrap();
    assert!(Timestamp::try_from(before).is_err());
}

#[cfg(feature = "std")]
#[test]
fn from_system_time() {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_369_353_600);
    assert_eq!(
        Timestamp::try_from(t).unwrap().amz_date().as_str(),
        "20130524T000000Z"
    );
    let before = std::time::UNIX_EPOCH - std::time::Duration::from_secs(5);
    assert_eq!(
        Timestamp::try_from(before),
        Err(Error::TimestampOutOfRange { unix_seconds: -5 })
    );
}

#[test]
fn parses_offsets_and_fractions() {
    let a = Timestamp::parse_rfc3339("2013-05-24T02:30:00.123+02:30").unwrap();
    assert_eq!(a.amz_date().as_str(), "20130524T000000Z");
    let b = Timestamp::parse_rfc3339("2013-05-23T19:00:00-05:00").unwrap();
    assert_eq!(b.amz_date().as_str(), "20130524T000000Z");
}

#[test]
fn rejects_bad_input_with_typed_errors() {
    for bad in [
        "",
        "2013-05-24",
        "2013-13-01T00:00:00Z",
        "2013-02-29T00:00:00Z",
        "2013-05-24T24:00:00Z",
        "2013-05-24T00:00:00",
        "2013-05-24T00:00:00.Z",
        "2013-05-24T00:00:00+2:00",
    ] {
        assert!(
            matches!(
                Timestamp::parse_rfc3339(bad),
                Err(Error::InvalidTimestamp { .. })
            ),
            "{bad}"
        );
    }
    assert_eq!(
        Timestamp::from_unix(-1),
        Err(Error::TimestampOutOfRange { unix_seconds: -1 })
    );
    assert!(matches!(
        Timestamp::from_unix(MAX_UNIX + 1),
        Err(Error::TimestampOutOfRange { .. })
    ));
    assert!(matches!(
        Timestamp::parse_rfc3339("1969-12-31T23:59:59Z"),
        Err(Error::TimestampOutOfRange { .. })
    ));
    for bad in [
        "20130524T000000",
        "2013052T000000Z",
        "20130524X000000Z",
        "2013+524T000000Z",
        "20130532T000000Z",
    ] {
        assert!(
            matches!(
                Timestamp::parse_amz_date(bad),
                Err(Error::InvalidTimestamp { .. })
            ),
            "{bad}"
        );
    }
    assert!(Timestamp::from_unix(MAX_UNIX)
        .unwrap()
        .add_seconds(1)
        .is_err());
    let msg = alloc::format!("{}", Timestamp::from_unix(-5).unwrap_err());
    assert!(msg.contains("1970-01-01"), "{msg}");
}
