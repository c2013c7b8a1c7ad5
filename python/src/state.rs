//! What a presigning object keeps between calls: presign's `Presigner` (the day's signing key),
//! a URL buffer and the buckets it resolved. One per object behind a mutex; a call that finds
//! it busy (another thread is signing a batch without the GIL) works on a fresh one instead of
//! waiting while it holds the GIL.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, TryLockError};

use presign::s3::Presigner;
use presign::{Credentials, Error};

use crate::botocore_endpoints::Resolved;

/// What a signing call mutates.
pub(crate) struct State {
    pub(crate) presigner: Presigner,
    pub(crate) url: String,
    pub(crate) buckets: BucketCache,
}

impl State {
    pub(crate) fn new(credentials: Credentials) -> Self {
        State {
            presigner: Presigner::new(credentials),
            url: String::with_capacity(512),
            buckets: BucketCache::default(),
        }
    }

    /// The bucket `name` (resolved with `resolve` on first use), the presigner and the URL
    /// buffer, borrowed together.
    ///
    /// # Errors
    /// What `resolve` returns.
    #[inline]
    pub(crate) fn parts(
        &mut self,
        name: &str,
        resolve: impl FnOnce(&str) -> Result<Resolved, presign::Error>,
    ) -> Result<(&Resolved, &mut Presigner, &mut String), presign::Error> {
        let State {
            presigner,
            url,
            buckets,
        } = self;
        Ok((buckets.get(name, resolve)?, presigner, url))
    }
}

/// The state of an object, or a fresh one when another thread holds it (a batch signing
/// without the GIL): never block on the lock while holding the GIL.
pub(crate) enum Borrowed<'a> {
    Shared(MutexGuard<'a, State>),
    Own(Box<State>),
}

impl std::ops::Deref for Borrowed<'_> {
    type Target = State;
    fn deref(&self) -> &State {
        match self {
            Borrowed::Shared(g) => g,
            Borrowed::Own(s) => s,
        }
    }
}

impl std::ops::DerefMut for Borrowed<'_> {
    fn deref_mut(&mut self) -> &mut State {
        match self {
            Borrowed::Shared(g) => g,
            Borrowed::Own(s) => s,
        }
    }
}

/// Locks `state`, or makes a fresh one for `credentials` if it is busy.
#[inline]
pub(crate) fn borrow<'a>(state: &'a Mutex<State>, credentials: &Credentials) -> Borrowed<'a> {
    match state.try_lock() {
        Ok(g) => Borrowed::Shared(g),
        Err(TryLockError::Poisoned(p)) => Borrowed::Shared(p.into_inner()),
        Err(TryLockError::WouldBlock) => Borrowed::Own(Box::new(State::new(credentials.clone()))),
    }
}

/// Buckets already resolved by a client (most programs use a handful, often one): the last one
/// used is compared first, the others looked up by name.
#[derive(Default)]
pub(crate) struct BucketCache {
    entries: Vec<(String, Resolved)>,
    index: HashMap<String, usize>,
    last: usize,
}

impl BucketCache {
    const MAX: usize = 256;

    /// The resolved bucket `name`, resolving it with `resolve` on first use.
    ///
    /// # Errors
    /// What `resolve` returns.
    #[inline]
    pub(crate) fn get(
        &mut self,
        name: &str,
        resolve: impl FnOnce(&str) -> Result<Resolved, Error>,
    ) -> Result<&Resolved, Error> {
        if self.entries.get(self.last).is_some_and(|(n, _)| n == name) {
            return Ok(&self.entries[self.last].1);
        }
        self.last = match self.index.get(name) {
            Some(&i) => i,
            None => {
                let r = resolve(name)?;
                if self.entries.len() >= Self::MAX {
                    self.entries.clear();
                    self.index.clear();
                }
                self.index.insert(name.to_owned(), self.entries.len());
                self.entries.push((name.to_owned(), r));
                self.entries.len() - 1
            }
        };
        Ok(&self.entries[self.last].1)
    }
}
