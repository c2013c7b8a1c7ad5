//! Lifetimes in whole seconds: a count or a `Duration`.

/// A lifetime in whole seconds: a `u64` count, or a [`core::time::Duration`] (its fraction of a
/// second is dropped: SigV4 counts seconds). Every expiry and clock skew parameter takes one.
///
/// ```
/// use core::time::Duration;
/// use presign::s3::{Bucket, Endpoint};
/// use presign::{Credentials, Timestamp};
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
/// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
/// let a = bucket.get_object("k").presign(&creds, now, 900)?;
/// let b = bucket.get_object("k").presign(&creds, now, Duration::from_secs(15 * 60))?;
/// assert_eq!(a, b);
/// assert!(a.url.contains("X-Amz-Expires=900&"));
/// # Ok::<(), presign::Error>(())
/// ```
pub trait Seconds: sealed::Sealed {
    /// The whole seconds.
    fn seconds(self) -> u64;
}

impl Seconds for u64 {
    fn seconds(self) -> u64 {
        self
    }
}

impl Seconds for core::time::Duration {
    fn seconds(self) -> u64 {
        self.as_secs()
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for u64 {}
    impl Sealed for core::time::Duration {}
}
