"""The exceptions s3presign raises.

Every one is a :class:`ValueError` (bad input, never a network or server failure: nothing here
talks to the network) carrying the library's message, which says what to fix, and a stable
kebab-case :attr:`~PresignError.code` to branch on. No message ever holds a secret key, a
session token or a signature.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

__all__ = [
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


class PresignError(ValueError):
    """A presign was refused. ``str(e)`` says what to fix; ``e.code`` is stable."""

    code: str
    """Stable kebab-case identifier, e.g. ``"invalid-bucket-name"``."""

    message: str
    """The message, as ``str(e)``."""

    def __init__(self, message: str, code: str = "presign-error") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __reduce__(self) -> Tuple[Any, ...]:  # keep code when pickled (multiprocessing, logging)
        return (type(self), (self.message, self.code))


class InvalidCredentialsError(PresignError):
    """An access key id, secret key or session token is malformed, or temporary credentials
    expire before (or at) the time the URL would."""


class InvalidBucketNameError(PresignError):
    """The bucket name breaks an S3 naming rule (the message quotes it)."""


class InvalidKeyError(PresignError):
    """The object key is empty or longer than 1024 bytes of UTF-8."""


class InvalidExpiryError(PresignError):
    """The expiry is outside 1..=604800 seconds (S3 refuses longer ones), or the time is out of
    range."""


class InvalidEndpointError(PresignError):
    """The region, endpoint URL or S3 options cannot be used (or combined)."""


class InvalidHeaderError(PresignError):
    """A header name or value cannot be signed (control bytes, a header the signer sets, the
    same header twice)."""


class InvalidQueryError(PresignError):
    """A query parameter cannot be signed (an empty name, an ``X-Amz-*`` parameter the signer
    sets)."""


class InvalidPolicyError(PresignError):
    """A POST policy condition or field is invalid."""


class ParamValidationError(PresignError):
    """A ``Params`` entry of ``generate_presigned_url`` is unknown, missing or of the wrong
    type (boto3 raises ``botocore.exceptions.ParamValidationError`` for these)."""


class UnknownClientMethodError(PresignError):
    """``generate_presigned_url`` was asked for an operation this package does not presign."""


class ClientHazardError(PresignError):
    """A warning was raised as an error (``deny_warnings=True``): the URL would break in a
    known client. ``e.warning_code`` names the hazard."""

    warning_code: Optional[str]

    def __init__(self, message: str, code: str = "client-hazard", warning_code: Optional[str] = None) -> None:
        super().__init__(message, code)
        self.warning_code = warning_code

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.warning_code))
