//! [`ChunkHeader`]: the bytes that frame one chunk, on the stack.

use super::{hex_len, SIG_EXT};
use core::fmt;

/// The bytes that frame one chunk (`hex(size);chunk-signature=SIG\r\n`), on the stack.
#[derive(Clone, Copy)]
pub struct ChunkHeader {
    buf: [u8; 104],
    len: usize,
}

impl Default for ChunkHeader {
    fn default() -> Self {
        ChunkHeader {
            buf: [0; 104],
            len: 0,
        }
    }
}

impl ChunkHeader {
    pub(super) fn push(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    pub(super) fn push_hex(&mut self, n: u64) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digits = hex_len(n) as usize;
        for i in (0..digits).rev() {
            self.buf[self.len] = HEX[((n >> (4 * i)) & 15) as usize];
            self.len += 1;
        }
    }

    /// The bytes to write.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The same, as text (it is ASCII).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The chunk's signature (hex), when chunks are signed.
    pub fn signature(&self) -> Option<&str> {
        let s = self.as_str();
        let i = s.find(SIG_EXT)? + SIG_EXT.len();
        s.get(i..i + 64)
    }
}

impl fmt::Debug for ChunkHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChunkHeader({:?})", self.as_str())
    }
}
