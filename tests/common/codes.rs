//! The stable `code()` of an `Error`, `verify::Rejection` or `PostRejection` is its variant's
//! name in kebab-case: bindings map errors by it.

use std::fmt::Debug;

/// Asserts that `code` is the kebab-case name of `e`'s variant (as `Debug` shows it).
pub fn assert_code_names_the_variant<E: Debug>(e: &E, code: &str) {
    let debug = format!("{e:?}");
    let variant: String = debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let mut kebab = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            kebab.push('-');
        }
        kebab.push(c.to_ascii_lowercase());
    }
    assert_eq!(code, kebab, "code of {debug}");
}
