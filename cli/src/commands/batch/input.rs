//! Reading stdin in chunks of whole lines, without copying lines one by one: each chunk is the
//! bytes of one or more complete lines, handed to a worker as they are.
//!
//! A chunk is cut after every read that ends a line, so a program writing one line at a time
//! through a pipe gets its answer at once; a file is read [`CHUNK`] bytes at a time. A line
//! longer than [`MAX_LINE`] is not kept: it is skipped to its end and answered with an error,
//! so memory stays bounded whatever the input.

use std::io::{self, Read};

/// How much is read at a time.
pub const CHUNK: usize = 256 * 1024;
/// The longest line read (a presigned URL is at most a few KiB; 4 MiB leaves room for any
/// honest line and for the errors of huge ones).
pub const MAX_LINE: usize = 4 * 1024 * 1024;

/// What a chunk holds.
pub enum Body {
    /// Complete lines (the last one ends with `\n`, except at the end of the input).
    Lines(Vec<u8>),
    /// One line longer than [`MAX_LINE`], of this many bytes, skipped.
    Overlong(u64),
}

/// A piece of the input, in order.
pub struct Chunk {
    /// Its place in the input: answers are written in this order.
    pub seq: u64,
    /// The 1-based number of its first line.
    pub first_line: u64,
    pub body: Body,
}

/// Cuts the input into chunks.
pub struct Reader<R> {
    src: R,
    /// The bytes read after the last complete line.
    pending: Vec<u8>,
    next_seq: u64,
    next_line: u64,
    eof: bool,
    /// Whether `pending` may hold complete lines (after a skipped one).
    rescan: bool,
}

/// The number of lines in `body`: its newlines.
fn count_lines(body: &[u8]) -> u64 {
    body.iter().filter(|&&b| b == b'\n').count() as u64
}

impl<R: Read> Reader<R> {
    pub fn new(src: R, first: Vec<u8>) -> Self {
        Reader {
            src,
            pending: first,
            next_seq: 0,
            next_line: 1,
            eof: false,
            rescan: false,
        }
    }

    fn read_more(&mut self) -> io::Result<usize> {
        let old = self.pending.len();
        // At most CHUNK at a time: only the line pending can outgrow MAX_LINE unseen.
        let free = self.pending.capacity() - old;
        let room = if free >= 4096 { free.min(CHUNK) } else { CHUNK };
        self.pending.resize(old + room, 0);
        let n = loop {
            match self.src.read(&mut self.pending[old..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        self.pending.truncate(old + *n.as_ref().unwrap_or(&0));
        n
    }

    fn chunk(&mut self, body: Body, lines: u64) -> Chunk {
        let c = Chunk {
            seq: self.next_seq,
            first_line: self.next_line,
            body,
        };
        self.next_seq += 1;
        self.next_line += lines;
        c
    }

    /// The next chunk, or `None` at the end of the input. `spare` is an empty buffer (its
    /// capacity reused) for what follows the chunk; it is taken only when a chunk is made.
    pub fn next(&mut self, spare: impl FnOnce() -> Vec<u8>) -> io::Result<Option<Chunk>> {
        let mut scan_from = if self.rescan { 0 } else { self.pending.len() };
        self.rescan = false;
        loop {
            if let Some(last) = self.pending[scan_from..].iter().rposition(|&b| b == b'\n') {
                // The first line may have grown over several reads: it alone can be overlong.
                let first = self.pending[scan_from..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(last, |p| p)
                    + scan_from;
                if first > MAX_LINE {
                    self.pending.drain(..=first);
                    self.rescan = true;
                    return Ok(Some(self.chunk(Body::Overlong(first as u64), 1)));
                }
                let end = scan_from + last + 1;
                let mut next = spare();
                next.clear();
                next.extend_from_slice(&self.pending[end..]);
                let mut body = std::mem::replace(&mut self.pending, next);
                body.truncate(end);
                let lines = count_lines(&body);
                return Ok(Some(self.chunk(Body::Lines(body), lines)));
            }
            if self.eof {
                if self.pending.is_empty() {
                    return Ok(None);
                }
                // The last line, without its newline.
                let body = std::mem::take(&mut self.pending);
                return Ok(Some(self.chunk(Body::Lines(body), 1)));
            }
            if self.pending.len() > MAX_LINE {
                let skipped = self.skip_line()?;
                self.rescan = true;
                return Ok(Some(self.chunk(Body::Overlong(skipped), 1)));
            }
            scan_from = self.pending.len();
            if self.read_more()? == 0 {
                self.eof = true;
            }
        }
    }

    /// Drops the pending bytes and the rest of their line; returns the line's length. What
    /// follows the line stays pending.
    fn skip_line(&mut self) -> io::Result<u64> {
        let mut skipped = self.pending.len() as u64;
        self.pending.clear();
        loop {
            if self.read_more()? == 0 {
                self.eof = true;
                return Ok(skipped);
            }
            if let Some(nl) = self.pending.iter().position(|&b| b == b'\n') {
                skipped += nl as u64;
                self.pending.drain(..=nl);
                return Ok(skipped);
            }
            skipped += self.pending.len() as u64;
            self.pending.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that returns at most `step` bytes per read, as a pipe does.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn chunks(input: &[u8], step: usize) -> Vec<(u64, u64, Result<Vec<u8>, u64>)> {
        let mut r = Reader::new(Trickle(input, step), Vec::new());
        let mut out = Vec::new();
        while let Some(c) = r.next(Vec::new).unwrap() {
            let body = match c.body {
                Body::Lines(b) => Ok(b),
                Body::Overlong(n) => Err(n),
            };
            out.push((c.seq, c.first_line, body));
        }
        out
    }

    #[test]
    fn chunks_are_whole_lines_numbered_in_order() {
        let input = b"a\nbb\n\nccc\nlast";
        for step in [1, 2, 3, 7, 1000] {
            let got = chunks(input, step);
            let joined: Vec<u8> = got
                .iter()
                .flat_map(|(_, _, b)| b.clone().unwrap())
                .collect();
            assert_eq!(joined, input, "step {step}");
            for (i, (seq, first, body)) in got.iter().enumerate() {
                assert_eq!(*seq, i as u64);
                let before: usize = got[..i]
                    .iter()
                    .map(|(_, _, b)| b.as_ref().unwrap().iter().filter(|&&c| c == b'\n').count())
                    .sum();
                assert_eq!(*first, before as u64 + 1, "step {step}");
                let b = body.as_ref().unwrap();
                assert!(
                    b.ends_with(b"\n") || b == b"last" || b.ends_with(b"last"),
                    "{b:?}"
                );
            }
        }
        // A one-line-at-a-time writer gets one chunk per line.
        assert_eq!(chunks(b"x\ny\n", 2).len(), 2);
    }

    #[test]
    fn an_overlong_line_is_skipped_and_counted() {
        let mut input = b"first\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', MAX_LINE + 10));
        input.extend_from_slice(b"\nafter\n");
        let short = |c: &(u64, u64, Result<Vec<u8>, u64>)| {
            (
                c.1,
                c.2.as_ref()
                    .map(|b| String::from_utf8_lossy(&b[..b.len().min(20)]).into_owned())
                    .map_err(|n| *n),
            )
        };
        let got: Vec<_> = chunks(&input, 64 * 1024).iter().map(short).collect();
        assert_eq!(
            got,
            [
                (1, Ok("first\n".into())),
                (2, Err(MAX_LINE as u64 + 10)),
                (3, Ok("after\n".into()))
            ]
        );
        // Whatever the reads: one that brings the end of the long line with it too.
        let got: Vec<_> = chunks(&input, 3 * 1024 * 1024).iter().map(short).collect();
        assert_eq!(got[1], (2, Err(MAX_LINE as u64 + 10)));
        // A line of exactly MAX_LINE bytes is kept.
        let mut exact = vec![b'y'; MAX_LINE];
        exact.push(b'\n');
        let got = chunks(&exact, 64 * 1024);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2.as_ref().map(Vec::len).ok(), Some(MAX_LINE + 1));
        // Lines after the skipped one come at once, without waiting for more input.
        input.extend_from_slice(b"more\n");
        let got: Vec<_> = chunks(&input, 8 * 1024 * 1024).iter().map(short).collect();
        assert_eq!(got[2], (3, Ok("after\nmore\n".into())));
    }
}
