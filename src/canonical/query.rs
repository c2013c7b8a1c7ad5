//! The canonical query string: parameters percent-encoded straight into the URL being built,
//! then visited in canonical order (by encoded name, then value).

use super::request::Sink;
use crate::encoding::{self, Component};
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// One `name=value` pair of the URL's query, as offsets into the URL buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Param {
    start: u32,
    eq: u32,
    end: u32,
}

impl Param {
    fn name<'a>(&self, url: &'a str) -> &'a str {
        &url[self.start as usize..self.eq as usize]
    }
    /// `=value`: with its `=`, which orders values the same (and is empty without one).
    fn eq_value<'a>(&self, url: &'a str) -> &'a str {
        &url[self.eq as usize..self.end as usize]
    }
}

/// Query parameters being written into a URL, remembered for the canonical query.
#[derive(Debug, Default)]
pub(crate) struct QueryWriter {
    params: Vec<Param>,
    /// Whether `params` is known to be in canonical order already.
    sorted: bool,
}

impl QueryWriter {
    pub(crate) fn clear(&mut self) {
        self.params.clear();
        self.sorted = true;
    }

    /// How many parameters have been written.
    pub(crate) fn len(&self) -> usize {
        self.params.len()
    }

    /// Records `url[start..end]`, already written, as one parameter (`name=value` with the `=`
    /// at `eq`, or several `&`-joined pairs that sort as one block) that sorts after every
    /// parameter recorded before it: the canonical order stays known without sorting.
    pub(crate) fn record_in_order(&mut self, start: usize, eq: usize, end: usize) {
        debug_assert!(start < eq && eq < end);
        self.params.push(Param {
            start: start as u32,
            eq: eq as u32,
            end: end as u32,
        });
    }

    /// Records each `name=value` pair of `url[start..end]` (already written, `&`-separated) as
    /// a parameter of its own, to be sorted with the others.
    pub(crate) fn record_each(&mut self, url: &str, start: usize, end: usize) {
        let mut p = start;
        for piece in url[start..end].split('&') {
            let eq = p + piece.find('=').unwrap_or(piece.len());
            self.params.push(Param {
                start: p as u32,
                eq: eq as u32,
                end: (p + piece.len()) as u32,
            });
            p += piece.len() + 1;
        }
        self.sorted = false;
    }

    /// Appends `name=value` (both percent-encoded from decoded text) to `url`, with the
    /// separator (`?` first, `&` after).
    pub(crate) fn push(&mut self, url: &mut String, name: &str, value: &str) {
        url.push(if self.params.is_empty() { '?' } else { '&' });
        let start = url.len() as u32;
        encoding::encode_str_into(url, name, Component::Query);
        let eq = url.len() as u32;
        url.push('=');
        encoding::encode_str_into(url, value, Component::Query);
        self.params.push(Param {
            start,
            eq,
            end: url.len() as u32,
        });
        self.sorted = false;
    }

    /// Sorts the parameters into canonical order (by encoded name, then encoded value) and
    /// writes the canonical query to `sink`.
    /// Parameters that follow each other in the URL as they do in canonical order are written
    /// as one slice of the URL.
    pub(crate) fn write_canonical<S: Sink>(&mut self, url: &str, sink: &mut S) {
        let p = &mut self.params;
        if !self.sorted {
            // Not insertion sort: 100 000 parameters in reverse order would take minutes.
            // Parameters that compare equal are the same text, so stability does not matter;
            // `sort_unstable_by` never allocates.
            p.sort_unstable_by(|a, b| cmp_params(url, a, b));
            self.sorted = true;
        }
        let Some(first) = p.first() else { return };
        let (mut start, mut end) = (first.start, first.end);
        for param in &p[1..] {
            // The URL has a single `&` between two adjacent parameters.
            if param.start == end + 1 {
                end = param.end;
            } else {
                sink.put(&url[start as usize..end as usize]);
                sink.put("&");
                (start, end) = (param.start, param.end);
            }
        }
        sink.put(&url[start as usize..end as usize]);
    }
}

fn cmp_params(url: &str, a: &Param, b: &Param) -> Ordering {
    a.name(url)
        .cmp(b.name(url))
        .then_with(|| a.eq_value(url).cmp(b.eq_value(url)))
}
