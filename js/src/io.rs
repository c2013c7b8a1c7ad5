//! The hot path's I/O buffer: the wrapper writes a call's strings (key, upload id, options)
//! into it and reads the result back from it. A presign then crosses no string through
//! wasm-bindgen's glue (an allocation, a copy and a free each way) and allocates nothing here.
//!
//! The wrapper asks for room with [`Io::reserve`] and keeps the address until a result says
//! the buffer moved. It writes UTF-8 (`TextEncoder.encodeInto` or its ASCII loop); this side
//! checks it all the same, since the bytes come from outside.

use crate::wire::Failure;
use alloc::vec;
use alloc::vec::Vec;

/// The buffer. Its length is its capacity (zero-filled), so every slice of it is plain safe
/// indexing.
pub struct Io {
    buf: Vec<u8>,
}

impl Io {
    /// An empty buffer; the wrapper reserves before its first call.
    pub fn new() -> Io {
        Io { buf: Vec::new() }
    }

    /// Makes room for `len` bytes and returns the buffer's address (it moves when it grows).
    pub fn reserve(&mut self, len: usize) -> *const u8 {
        if self.buf.len() < len {
            self.buf = vec![0; len.next_power_of_two()];
        }
        self.buf.as_ptr()
    }

    /// The strings the wrapper wrote one after the other, of these byte lengths.
    pub fn inputs<const N: usize>(&self, lens: [u32; N]) -> Result<[&str; N], Failure> {
        let mut out = [""; N];
        let mut at = 0usize;
        for (slot, len) in out.iter_mut().zip(lens) {
            let end = at.saturating_add(len as usize);
            let bytes = self
                .buf
                .get(at..end)
                .ok_or_else(|| bad("the input is longer than the buffer"))?;
            *slot = core::str::from_utf8(bytes).map_err(|_| bad("the input is not UTF-8"))?;
            at = end;
        }
        Ok(out)
    }

    /// Copies a result in and returns what the wrapper reads: `len << 1 | ascii` (the bit says
    /// every byte is ASCII, so a Latin-1 decoder may read it), negated when the buffer moved
    /// to make room (the wrapper then asks for the new address).
    pub fn answer(&mut self, result: &str) -> f64 {
        let moved = result.len() > self.buf.len();
        if moved {
            self.reserve(result.len());
        }
        self.buf[..result.len()].copy_from_slice(result.as_bytes());
        let code = ((result.len() as f64) * 2.0) + if result.is_ascii() { 1.0 } else { 0.0 };
        if moved {
            -code
        } else {
            code
        }
    }
}

fn bad(message: &str) -> Failure {
    Failure {
        code: crate::codes::INVALID_ARGUMENT,
        message: alloc::string::String::from(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(io: &mut Io, at: usize, s: &str) {
        io.buf[at..at + s.len()].copy_from_slice(s.as_bytes());
    }

    #[test]
    fn inputs_are_read_back_in_order() {
        let mut io = Io::new();
        io.reserve(16);
        write(&mut io, 0, "kéyab");
        assert_eq!(io.inputs([3, 0, 3]).unwrap(), ["ké", "", "yab"]);
        assert!(io.inputs([100]).is_err());
        write(&mut io, 0, "\u{e9}");
        assert!(io.inputs([1]).is_err(), "half a UTF-8 sequence");
    }

    #[test]
    fn answers_say_length_ascii_and_move() {
        let mut io = Io::new();
        let at = io.reserve(8);
        assert_eq!(io.answer("abc"), 7.0);
        assert_eq!(io.answer("é"), 4.0);
        assert_eq!(io.reserve(8), at, "no move without growth");
        let long = "x".repeat(100);
        assert_eq!(io.answer(&long), -201.0);
        assert_eq!(&io.buf[..100], long.as_bytes());
    }
}
