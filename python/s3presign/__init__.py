"""s3presign: presigned S3 URLs and POST forms, computed locally by the presign engine (Rust).

Two ways in:

* the boto3 drop-in: ``s3 = s3presign.client("s3", region_name=..., ...)``, then
  ``s3.generate_presigned_url("get_object", Params={"Bucket": b, "Key": k}, ExpiresIn=3600)``
  and ``s3.generate_presigned_post(...)``, with boto3's names and meanings;
* :class:`Presigner`, which returns the URL with the headers the client must send, the expiry
  as an aware ``datetime`` and warnings, and presigns batches in one call.

Nothing here does I/O except reading the clock (pass ``now=`` to freeze it) and, for
``client()``, the environment.
"""

from ._native import Presigned, PresignedPost, Presigner, PresignWarning, S3Client, __version__
from ._client import Config, client
from .errors import (
    ClientHazardError,
    InvalidBucketNameError,
    InvalidCredentialsError,
    InvalidEndpointError,
    InvalidExpiryError,
    InvalidHeaderError,
    InvalidKeyError,
    InvalidPolicyError,
    InvalidQueryError,
    ParamValidationError,
    PresignError,
    UnknownClientMethodError,
)

__all__ = [
    "__version__",
    "client",
    "Config",
    "S3Client",
    "Presigner",
    "Presigned",
    "PresignedPost",
    "PresignWarning",
    "PresignError",
    "InvalidCredentialsError",
    "InvalidBucketNameError",
    "InvalidKeyError",
    "InvalidExpiryError",
    "InvalidEndpointError",
    "InvalidHeaderError",
    "InvalidQueryError",
    "InvalidPolicyError",
    "ParamValidationError",
    "UnknownClientMethodError",
    "ClientHazardError",
]
