//! Quoting for a POSIX shell, for the commands we print.

/// Quotes `s` for a POSIX shell: as it is when it only has safe bytes, else in single quotes.
pub fn shell_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./:=@%+,".contains(&b));
    if safe {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("abc/d.txt"), "abc/d.txt");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("https://h/k?a=1&b=2"), "'https://h/k?a=1&b=2'");
        assert_eq!(shell_quote(""), "''");
    }
}
