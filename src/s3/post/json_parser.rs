//! A small, bounded JSON parser for policy documents received by the verifier.

use super::policy::{invalid, MAX_POLICY_LEN};
use crate::Error;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub(super) enum Json {
    Str(String),
    Int(i128),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

const MAX_DEPTH: usize = 8;

pub(super) struct Parser<'a> {
    pub(super) b: &'a [u8],
    pub(super) i: usize,
}

impl Parser<'_> {
    pub(super) fn err(&self, what: &str) -> Error {
        invalid(format!("malformed JSON at byte {}: {what}", self.i))
    }

    pub(super) fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\r' | b'\n') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    pub(super) fn value(&mut self, depth: usize) -> Result<Json, Error> {
        if depth >= MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        self.ws();
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return Err(self.err("expected a member name in double quotes"));
                    }
                    let name = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.err("expected ':' after a member name"));
                    }
                    let v = self.value(depth + 1)?;
                    if members.iter().any(|(n, _)| *n == name) {
                        return Err(invalid(format!(
                            "member {name:?} appears twice in one object"
                        )));
                    }
                    members.push((name, v));
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b'}') {
                        return Ok(Json::Obj(members));
                    }
                    return Err(self.err("expected ',' or '}' (no trailing commas)"));
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b']') {
                        return Ok(Json::Arr(items));
                    }
                    return Err(self.err("expected ',' or ']' (no trailing commas)"));
                }
            }
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't' | b'f' | b'n') => {
                Err(self.err("true, false and null have no meaning in a POST policy"))
            }
            Some(_) => Err(self.err("unexpected character")),
            None => Err(self.err("unexpected end of the document")),
        }
    }

    fn number(&mut self) -> Result<Json, Error> {
        let negative = self.b.get(self.i) == Some(&b'-');
        if negative {
            self.i += 1;
        }
        let start = self.i;
        let mut v: i128 = 0;
        while let Some(&d @ b'0'..=b'9') = self.b.get(self.i) {
            let digit = i128::from(d - b'0');
            v = v
                .checked_mul(10)
                .and_then(|v| {
                    if negative {
                        v.checked_sub(digit)
                    } else {
                        v.checked_add(digit)
                    }
                })
                .ok_or_else(|| self.err("integer too large"))?;
            self.i += 1;
        }
        let len = self.i - start;
        if len == 0 {
            return Err(self.err("expected digits"));
        }
        if len > 1 && self.b[start] == b'0' {
            return Err(self.err("numbers must not have leading zeros"));
        }
        if let Some(b'.' | b'e' | b'E') = self.b.get(self.i) {
            return Err(self.err("numbers in a POST policy must be integers"));
        }
        Ok(Json::Int(v))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = self
                .b
                .get(self.i)
                .and_then(|c| char::from(*c).to_digit(16))
                .ok_or_else(|| self.err("\\u must be followed by four hex digits"))?;
            v = v * 16 + d;
            self.i += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, Error> {
        // At the opening quote.
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return Err(self.err("unterminated string"));
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.b.get(self.i) else {
                        return Err(self.err("unterminated escape"));
                    };
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'$' => '$',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'v' => '\u{b}',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.b.get(self.i) != Some(&b'\\')
                                    || self.b.get(self.i + 1) != Some(&b'u')
                                {
                                    return Err(self.err(
                                        "a high surrogate must be followed by a \\u low surrogate",
                                    ));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("invalid low surrogate"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code)
                                .ok_or_else(|| self.err("a lone surrogate is not a character"))?
                        }
                        _ => return Err(self.err("unknown escape")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0x00..=0x1f => {
                    return Err(self.err("a raw control character in a string (escape it)"))
                }
                _ => out.push(c),
            }
            if out.len() > MAX_POLICY_LEN {
                return Err(self.err("string too long"));
            }
        }
        // The input is a &str and escapes end on ASCII bytes, so this cannot fail; stay total.
        String::from_utf8(out).map_err(|_| self.err("invalid UTF-8"))
    }
}
