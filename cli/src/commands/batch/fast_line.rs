//! The fast path for reading a batch line: one pass over the usual shape (an object of the known
//! fields; strings without escapes; an integer or plain string `id`; an integer or plain string
//! `expires_in`; objects of strings). Anything else, including every error, is left to
//! `serde_json` ([`super::line::parse_with_serde`]): `None` means "not sure", never "wrong".
//! A test holds the two to the same answer on valid lines and their mutations.

use super::line::Request;
use std::borrow::Cow;

/// The line read, or `None` to let `serde_json` read it.
pub fn parse(text: &str) -> Option<Request<'_>> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
    };
    let mut r = Request::default();
    let mut seen = 0u16;
    let mut has_bucket = false;
    p.ws();
    p.eat(b'{')?;
    p.ws();
    if p.peek()? == b'}' {
        return None; // no bucket: serde says so
    }
    loop {
        let name = p.string()?;
        p.ws();
        p.eat(b':')?;
        p.ws();
        let bit = match name {
            "id" => {
                r.id = Some(p.scalar()?);
                1
            }
            "bucket" => {
                r.bucket = Cow::Borrowed(p.string()?);
                has_bucket = true;
                2
            }
            "key" => {
                r.key = Some(Cow::Borrowed(p.string()?));
                4
            }
            "method" => {
                r.method = Some(Cow::Borrowed(p.string()?));
                8
            }
            "expires_in" => {
                r.expires_in = Some(p.scalar()?);
                16
            }
            "content_type" => {
                r.content_type = Some(Cow::Borrowed(p.string()?));
                32
            }
            "headers" => {
                r.headers = p.pairs()?;
                64
            }
            "metadata" => {
                r.metadata = p.pairs()?;
                128
            }
            "query" => {
                r.query = p.pairs()?;
                256
            }
            _ => return None,
        };
        if seen & bit != 0 {
            return None; // a field twice: serde's error
        }
        seen |= bit;
        p.ws();
        match p.next()? {
            b',' => p.ws(),
            b'}' => break,
            _ => return None,
        }
    }
    p.ws();
    (p.i == p.s.len() && has_bucket).then_some(r)
}

/// The first `"`, `\\` or control byte: 16 bytes at a time without branches (vectorized),
/// then the byte within the block.
fn find_special(s: &[u8]) -> Option<usize> {
    let special = |b: u8| u8::from(b == b'"') | u8::from(b == b'\\') | u8::from(b < 0x20);
    let mut at = 0;
    for block in s.chunks(16) {
        if block.iter().fold(0, |acc, &b| acc | special(b)) != 0 {
            return block.iter().position(|&b| special(b) != 0).map(|i| at + i);
        }
        at += block.len();
    }
    None
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    /// JSON whitespace.
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// A string without escapes or control bytes, borrowed.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        let len = find_special(&self.s[start..])?;
        if self.s[start + len] != b'"' {
            return None;
        }
        self.i = start + len + 1;
        // Quotes are ASCII: both ends are char boundaries.
        Some(&self.text[start..start + len])
    }

    /// An integer (`-?(0|[1-9][0-9]*)`) or a plain string, as raw JSON text.
    fn scalar(&mut self) -> Option<&'a str> {
        let start = self.i;
        if self.peek()? == b'"' {
            self.string()?;
            return Some(&self.text[start..self.i]);
        }
        if self.peek()? == b'-' {
            self.i += 1;
        }
        let digits = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        let n = self.i - digits;
        if n == 0 || (n > 1 && self.s[digits] == b'0') {
            return None;
        }
        // A fraction or exponent: leave it to serde.
        if matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some(&self.text[start..self.i])
    }

    /// An object of string values, each name once, in order.
    #[allow(clippy::type_complexity)]
    fn pairs(&mut self) -> Option<Vec<(Cow<'a, str>, Cow<'a, str>)>> {
        self.eat(b'{')?;
        self.ws();
        let mut pairs = Vec::new();
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(pairs);
        }
        loop {
            let name = self.string()?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            let value = self.string()?;
            if pairs.iter().any(|(n, _)| n == name) {
                return None; // refused, with serde's message
            }
            pairs.push((Cow::Borrowed(name), Cow::Borrowed(value)));
            self.ws();
            match self.next()? {
                b',' => self.ws(),
                b'}' => return Some(pairs),
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::line::parse_with_serde;
    use super::*;

    const VALID: [&str; 12] = [
        r#"{"bucket":"b"}"#,
        r#"{"id":0,"bucket":"bucket-0","key":"uploads/user-0/photo 0.jpg","method":"PUT","expires_in":900}"#,
        r#" { "id" : -12 , "bucket" : "bkt" , "key" : "k" , "expires_in" : "15m" } "#,
        r#"{"id":"x-1","bucket":"bkt","content_type":"image/png","metadata":{"owner":"alice","b":""},"headers":{"x-amz-acl":"private"},"query":{"z":"1","a":"2"}}"#,
        r#"{"bucket":"bkt","headers":{},"metadata":{ },"query":{"versionId":"v"}}"#,
        r#"{"bucket":"é—ü","key":"日本/ключ"}"#,
        r#"{"id":{"n":4},"bucket":"bkt"}"#,
        r#"{"id":1.5,"bucket":"bkt","expires_in":1e3}"#,
        r#"{"bucket":"b\"q","key":"a\nb"}"#,
        r#"{"bucket":"bkt","key":null,"method":null}"#,
        r#"{"bucket":"bkt","expires_in":"01","id":[1,2]}"#,
        r#"{"bucket":"bkt","query":{"a":"1","b":"2"},"key":"\u00e9"}"#,
    ];

    #[test]
    fn the_fast_path_reads_the_usual_lines() {
        for line in &VALID[..6] {
            assert!(parse(line).is_some(), "{line}");
        }
        for line in &VALID[6..] {
            assert!(parse(line).is_none(), "{line}");
        }
    }

    /// Tiny deterministic generator (xorshift).
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn the_fast_path_agrees_with_serde_on_every_line_it_reads() {
        let alphabet: &[u8] = b"{}[]:,\"\\ \t-0123456789.eE+abnultrfx\x01\x7f";
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut checked = 0;
        for round in 0..200_000 {
            let base = VALID[round % VALID.len()].as_bytes();
            let mut line = base.to_vec();
            for _ in 0..1 + next(&mut state) % 3 {
                let at = (next(&mut state) as usize) % (line.len() + 1);
                let b = alphabet[(next(&mut state) as usize) % alphabet.len()];
                match next(&mut state) % 3 {
                    0 => line.insert(at, b),
                    1 if at < line.len() => {
                        line.remove(at);
                    }
                    _ if at < line.len() => line[at] = b,
                    _ => line.push(b),
                }
            }
            let Ok(text) = std::str::from_utf8(&line) else {
                continue;
            };
            if let Some(fast) = parse(text) {
                checked += 1;
                match parse_with_serde(text) {
                    Ok(reference) => assert_eq!(fast, reference, "{text}"),
                    Err(e) => panic!("the fast path read a line serde refuses ({e}): {text}"),
                }
            }
        }
        for line in VALID {
            if let Some(fast) = parse(line) {
                assert_eq!(fast, parse_with_serde(line).unwrap(), "{line}");
            }
        }
        assert!(
            checked > 10_000,
            "only {checked} mutated lines were read fast"
        );
    }
}
