//! Where a `Presigner`'s buckets live: the region, the endpoint and its options, resolved by
//! presign's own rules (README, "Choices where implementations differ"): regional hosts,
//! virtual-hosted addressing for DNS-compatible names under "auto", default ports dropped. The
//! library refuses the options S3 has no host for (FIPS in China, dualstack or FIPS on a
//! custom endpoint, ...).

use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::Error;

use crate::botocore_endpoints::Resolved;

/// The endpoint settings of a `Presigner`.
pub(super) struct Target {
    pub(super) region: String,
    /// Without a trailing `/`.
    pub(super) endpoint_url: Option<String>,
    pub(super) addressing: AddressingStyle,
    pub(super) dualstack: bool,
    pub(super) accelerate: bool,
    pub(super) fips: bool,
    pub(super) legacy_global_endpoint: bool,
}

impl Target {
    /// Checks the settings now rather than at the first presign: the endpoint, and a bucket on
    /// it with a name every option accepts (so that an option S3 has no host for is refused).
    ///
    /// # Errors
    /// [`Error::InvalidRegion`], [`Error::InvalidEndpoint`], [`Error::UnsupportedConfiguration`].
    pub(super) fn check(&self) -> Result<(), Error> {
        self.resolve("example-bucket").map(drop)
    }

    fn endpoint(&self) -> Result<Endpoint, Error> {
        let e = match &self.endpoint_url {
            Some(url) => Endpoint::custom(url, &self.region)?,
            None => {
                Endpoint::aws(&self.region)?.legacy_global_endpoint(self.legacy_global_endpoint)
            }
        };
        Ok(e.dualstack(self.dualstack)
            .accelerate(self.accelerate)
            .fips(self.fips)
            .addressing(self.addressing))
    }

    /// Bucket `name` on the endpoint.
    ///
    /// # Errors
    /// What [`Target::endpoint`] and `Bucket::new` return.
    pub(super) fn resolve(&self, name: &str) -> Result<Resolved, Error> {
        Ok(Resolved {
            bucket: Bucket::new(self.endpoint()?, name)?,
            port_text: None,
        })
    }
}
