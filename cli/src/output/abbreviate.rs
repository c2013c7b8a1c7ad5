//! Messages that quote what the user gave: a quoted value longer than [`MAX_QUOTED`] bytes (a
//! megabyte bucket name, a runaway JSON string) is cut to its ends and its length, so an error
//! stays one readable line that says what to fix.

use std::borrow::Cow;

/// The longest quoted value a message repeats whole.
pub const MAX_QUOTED: usize = 96;
/// The longest message, whatever it quotes.
pub const MAX_MESSAGE: usize = 2048;

/// `msg` with every `"…"` or `` `…` `` run longer than [`MAX_QUOTED`] bytes cut to its first
/// and last characters and its length, and the whole cut to [`MAX_MESSAGE`] bytes.
pub fn abbreviate(msg: &str) -> Cow<'_, str> {
    if msg.len() <= MAX_QUOTED {
        return Cow::Borrowed(msg);
    }
    let mut out = String::with_capacity(msg.len().min(MAX_MESSAGE + 64));
    let mut rest = msg;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest.as_bytes()[open];
        out.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        let close = inside.find(char::from(quote)).unwrap_or(inside.len());
        push_cut(&mut out, &inside[..close]);
        rest = &inside[close..];
        if let Some(q) = rest.strip_prefix(char::from(quote)) {
            out.push(char::from(quote));
            rest = q;
        }
    }
    out.push_str(rest);
    if out.len() > MAX_MESSAGE {
        let head = floor(&out, MAX_MESSAGE - 64);
        let tail = ceil(&out, out.len() - 48);
        out = format!(
            "{}…({} bytes cut)…{}",
            &out[..head],
            tail - head,
            &out[tail..]
        );
    }
    Cow::Owned(out)
}

fn push_cut(out: &mut String, value: &str) {
    if value.len() <= MAX_QUOTED {
        out.push_str(value);
        return;
    }
    let head = floor(value, 48);
    let tail = ceil(value, value.len() - 24);
    out.push_str(&value[..head]);
    out.push_str(&format!("…({} bytes)…", value.len()));
    out.push_str(&value[tail..]);
}

/// The largest char boundary of `s` at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    (0..=i).rev().find(|&j| s.is_char_boundary(j)).unwrap_or(0)
}

/// The smallest char boundary of `s` at or after `i`.
fn ceil(s: &str, i: usize) -> usize {
    (i..=s.len())
        .find(|&j| s.is_char_boundary(j))
        .unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quoted_values_are_cut_short_ones_kept() {
        let short =
            "invalid bucket name \"ab\": bucket names must be between 3 and 63 characters long";
        assert_eq!(abbreviate(short), short);
        let name = "b".repeat(1_000_000);
        let msg = format!(
            "invalid bucket name \"{name}\": bucket names must be between 3 and 63 characters long"
        );
        let cut = abbreviate(&msg);
        assert!(cut.len() < 300, "{cut}");
        assert!(cut.starts_with("invalid bucket name \"bbbb"), "{cut}");
        assert!(cut.contains("…(1000000 bytes)…"), "{cut}");
        assert!(
            cut.ends_with("bbb\": bucket names must be between 3 and 63 characters long"),
            "{cut}"
        );
        // Backticks, an unclosed quote, multi-byte characters at the cut.
        let msg = format!("a `{}` and \"{}", "é".repeat(200), "x".repeat(500));
        let cut = abbreviate(&msg);
        assert!(cut.contains("(400 bytes)"), "{cut}");
        assert!(cut.contains("(500 bytes)"), "{cut}");
        // Unquoted floods are capped too.
        assert!(abbreviate(&"y".repeat(10_000)).len() <= MAX_MESSAGE + 64);
    }
}
