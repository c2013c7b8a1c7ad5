use super::compare::classify;
use super::finding::Change;
use super::s3_error::{from_hex_bytes, xml_unescape};
use super::signed_url::region_of_host;

#[test]
fn regions_from_hosts() {
    assert_eq!(
        region_of_host("b.s3.us-east-2.amazonaws.com"),
        Some("us-east-2")
    );
    assert_eq!(
        region_of_host("s3.dualstack.eu-west-1.amazonaws.com"),
        Some("eu-west-1")
    );
    assert_eq!(
        region_of_host("b.s3-fips.us-gov-west-1.amazonaws.com"),
        Some("us-gov-west-1")
    );
    assert_eq!(
        region_of_host("b.s3-ap-south-1.amazonaws.com"),
        Some("ap-south-1")
    );
    assert_eq!(
        region_of_host("b.s3.cn-north-1.amazonaws.com.cn"),
        Some("cn-north-1")
    );
    assert_eq!(region_of_host("b.s3.amazonaws.com"), None);
    assert_eq!(region_of_host("b.s3-accelerate.amazonaws.com"), None);
    assert_eq!(region_of_host("localhost:9000"), None);
}

#[test]
fn classifies_changes() {
    assert_eq!(classify("/a%20b", "/a+b", true), Change::SpaceAsPlus);
    assert_eq!(classify("/a%2Bb", "/a+b", true), Change::PlusNotEncoded);
    assert_eq!(classify("x%2By", "x%20y", false), Change::PlusBecameSpace);
    assert_eq!(classify("/a%20b", "/a%2520b", true), Change::DoubleEncoded);
    assert_eq!(classify("/a~b", "/a%7Eb", true), Change::EquivalentEscapes);
    assert_eq!(
        classify("/a%3Fb", "/a", true),
        Change::Truncated { at: '?' }
    );
    assert_eq!(
        classify("/caf%C3%A9", "/cafe%CC%81", true),
        Change::UnicodeNormalization
    );
    assert_eq!(classify("/a", "/b", true), Change::Different);
}

#[test]
fn unescapes_xml() {
    assert_eq!(
        xml_unescape("a&amp;b&lt;&gt;&quot;&apos;&#65;&#x42;&bogus;&"),
        "a&b<>\"'AB&bogus;&"
    );
    assert_eq!(from_hex_bytes("47 45 54 0a").as_deref(), Some("GET\n"));
}

#[test]
fn xml_entities() {
    assert_eq!(
        xml_unescape("GET\n/a&amp;b\nx=&quot;1&quot;&#10;&#x41;&lt;&gt;&apos;"),
        "GET\n/a&b\nx=\"1\"\nA<>'"
    );
    assert_eq!(
        xml_unescape("&unknown; & &#xZZ; &#1114112;"),
        "&unknown; & &#xZZ; &#1114112;"
    );
}
