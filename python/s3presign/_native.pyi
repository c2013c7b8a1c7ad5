"""Type stubs for s3presign._native (the Rust extension)."""

from datetime import datetime, timedelta
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union, final

_Instant = Union[datetime, int, float]
"""An aware ``datetime`` or Unix seconds."""

__all__ = ["S3Client", "Presigner", "Presigned", "PresignedPost", "PresignWarning", "_cost_breakdown", "__version__"]

__version__: str

@final
class S3Client:
    """A presigning S3 client with boto3's interface. Make one with ``s3presign.client()``."""

    def __new__(
        cls,
        aws_access_key_id: str,
        aws_secret_access_key: str,
        aws_session_token: Optional[str] = None,
        *,
        region_name: str = "us-east-1",
        endpoint_url: Optional[str] = None,
        addressing_style: str = "auto",
        us_east_1_regional_endpoint: Optional[str] = None,
        use_dualstack_endpoint: bool = False,
        use_accelerate_endpoint: bool = False,
        use_fips_endpoint: bool = False,
        boto3_compatible: bool = False,
        credentials_expire_at: Optional[_Instant] = None,
        deny_warnings: bool = False,
    ) -> S3Client: ...
    def generate_presigned_url(
        self,
        ClientMethod: str,
        Params: Optional[Mapping[str, Any]] = None,
        ExpiresIn: Union[int, timedelta, None] = None,
        HttpMethod: Optional[str] = None,
        *,
        now: Optional[_Instant] = None,
    ) -> str:
        """Presigns ``ClientMethod`` (``get_object``, ``put_object``, ``head_object``,
        ``delete_object``, ``create_multipart_upload``, ``upload_part``,
        ``complete_multipart_upload``, ``abort_multipart_upload``, ``list_parts``,
        ``list_objects_v2``) with ``Params`` as boto3 takes them, valid ``ExpiresIn`` seconds
        (3600 by default, at most 604800). ``now`` freezes the clock.

        Raises ``ParamValidationError`` (unknown, missing or mistyped ``Params``),
        ``UnknownClientMethodError``, or another ``PresignError`` saying what to fix."""
    def generate_presigned_post(
        self,
        Bucket: str,
        Key: str,
        Fields: Optional[Mapping[str, Any]] = None,
        Conditions: Optional[List[Any]] = None,
        ExpiresIn: Union[int, timedelta, None] = None,
        *,
        now: Optional[_Instant] = None,
    ) -> dict[str, Any]:
        """A browser form upload: ``{"url": ..., "fields": {...}}`` with botocore's policy.
        A ``Key`` ending in ``${filename}`` takes the uploaded file's name."""
    @property
    def region_name(self) -> str: ...
    @property
    def endpoint_url(self) -> Optional[str]: ...
    @property
    def boto3_compatible(self) -> bool: ...

@final
class PresignWarning:
    """A hazard a client is known to trip on: ``code`` is stable, ``message`` says what
    breaks and what to do."""

    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...

@final
class Presigned:
    """A presigned request: send ``method`` to ``url`` with exactly ``headers``, before
    ``expires_at``."""

    @property
    def url(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def headers(self) -> dict[str, str]:
        """The headers the client must send, with these values (they are signed)."""
    @property
    def signed_at(self) -> datetime: ...
    @property
    def expires_at(self) -> datetime:
        """The first instant at which S3 refuses the URL (aware, UTC)."""
    @property
    def expires_in(self) -> int: ...
    @property
    def warnings(self) -> List[PresignWarning]: ...

@final
class PresignedPost:
    """A signed POST form: send ``multipart/form-data`` to ``url`` with ``fields``, the
    ``caller_fields`` the form fills in, then the file (the part named ``file``) last."""

    @property
    def url(self) -> str: ...
    @property
    def fields(self) -> dict[str, str]: ...
    @property
    def caller_fields(self) -> List[Tuple[str, str]]: ...
    @property
    def policy(self) -> str: ...
    @property
    def signed_at(self) -> datetime: ...
    @property
    def expires_at(self) -> datetime: ...
    def html_form(self) -> str: ...

@final
class Presigner:
    """Presigns S3 requests for one set of credentials and one endpoint. Thread-safe; keep
    one and reuse it (it caches the day's signing key and the resolved buckets)."""

    def __new__(
        cls,
        access_key_id: str,
        secret_access_key: str,
        session_token: Optional[str] = None,
        *,
        region: str = "us-east-1",
        endpoint_url: Optional[str] = None,
        addressing_style: str = "auto",
        dualstack: bool = False,
        accelerate: bool = False,
        fips: bool = False,
        legacy_global_endpoint: bool = False,
        credentials_expire_at: Optional[_Instant] = None,
        clamp_expiry: bool = False,
        deny_warnings: bool = False,
    ) -> Presigner: ...
    @property
    def region(self) -> str: ...
    def get_object(
        self,
        bucket: str,
        key: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        version_id: Optional[str] = None,
        download_as: Optional[str] = None,
        response_content_type: Optional[str] = None,
        response_content_disposition: Optional[str] = None,
        response_cache_control: Optional[str] = None,
        response_content_encoding: Optional[str] = None,
        response_content_language: Optional[str] = None,
        response_expires: Optional[str] = None,
        range: Optional[str] = None,
        part_number: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def head_object(
        self,
        bucket: str,
        key: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        version_id: Optional[str] = None,
        range: Optional[str] = None,
        part_number: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def put_object(
        self,
        bucket: str,
        key: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        content_type: Optional[str] = None,
        content_length: Optional[int] = None,
        content_md5: Optional[str] = None,
        cache_control: Optional[str] = None,
        content_disposition: Optional[str] = None,
        content_encoding: Optional[str] = None,
        metadata: Optional[Mapping[str, str]] = None,
        acl: Optional[str] = None,
        server_side_encryption: Optional[str] = None,
        sse_kms_key_id: Optional[str] = None,
        storage_class: Optional[str] = None,
        tagging: Optional[str] = None,
        checksum: Optional[Tuple[str, str]] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def delete_object(
        self,
        bucket: str,
        key: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        version_id: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def create_multipart_upload(
        self,
        bucket: str,
        key: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        content_type: Optional[str] = None,
        cache_control: Optional[str] = None,
        content_disposition: Optional[str] = None,
        content_encoding: Optional[str] = None,
        metadata: Optional[Mapping[str, str]] = None,
        acl: Optional[str] = None,
        server_side_encryption: Optional[str] = None,
        sse_kms_key_id: Optional[str] = None,
        storage_class: Optional[str] = None,
        tagging: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def upload_part(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        part_number: int,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        content_length: Optional[int] = None,
        content_md5: Optional[str] = None,
        checksum: Optional[Tuple[str, str]] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def complete_multipart_upload(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def abort_multipart_upload(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def list_parts(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def list_objects_v2(
        self,
        bucket: str,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        prefix: Optional[str] = None,
        delimiter: Optional[str] = None,
        max_keys: Optional[int] = None,
        continuation_token: Optional[str] = None,
        start_after: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned: ...
    def presign(
        self,
        method: str,
        bucket: str,
        key: Optional[str] = None,
        *,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, str]] = None,
    ) -> Presigned:
        """Any S3 request: ``method``, ``bucket``, an optional ``key``, and the query
        parameters and headers to sign."""
    def presign_many(
        self,
        bucket: str,
        keys: Iterable[str],
        *,
        method: str = "GET",
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
    ) -> List[str]:
        """One URL per key, in order, in one call (long batches without the GIL)."""
    def presign_post(
        self,
        bucket: str,
        key: Optional[str] = None,
        *,
        key_starts_with: Optional[str] = None,
        expires_in: Union[int, timedelta, None] = None,
        now: Optional[_Instant] = None,
        content_length_range: Optional[Tuple[int, int]] = None,
        content_type: Optional[str] = None,
        content_type_starts_with: Optional[str] = None,
        acl: Optional[str] = None,
        success_action_status: Optional[int] = None,
        success_action_redirect: Optional[str] = None,
        metadata: Optional[Mapping[str, str]] = None,
        fields: Optional[Mapping[str, str]] = None,
        fields_starting_with: Optional[Mapping[str, str]] = None,
    ) -> PresignedPost: ...

def _cost_breakdown(presigner: Presigner, bucket: str, key: str, n: int) -> List[Tuple[str, float]]:
    """Nanoseconds per signing, signing plus making the str, and GIL release (bench/bench.py)."""
