"""``s3presign.client(...)``: a presigning S3 client built from boto3's arguments, ``Config``
and environment variables, so that code written for ``boto3.client("s3", ...)`` keeps working."""

from __future__ import annotations

import os
from typing import Any, Mapping, Optional, Union

from ._native import S3Client
from .errors import InvalidCredentialsError, InvalidEndpointError

__all__ = ["Config", "client"]

# botocore.config.Config options that only concern sending requests: accepted and ignored.
_TRANSPORT_OPTIONS = frozenset(
    {
        "user_agent",
        "user_agent_extra",
        "user_agent_appid",
        "connect_timeout",
        "read_timeout",
        "parameter_validation",
        "max_pool_connections",
        "proxies",
        "proxies_config",
        "retries",
        "client_cert",
        "inject_host_prefix",
        "tcp_keepalive",
        "request_min_compression_size_bytes",
        "disable_request_compression",
        "client_context_params",
        "sigv4a_signing_region_set",
        "request_checksum_calculation",
        "response_checksum_validation",
        "account_id_endpoint_mode",
        "auth_scheme_preference",
        "ignore_configured_endpoint_urls",
        "endpoint_discovery_enabled",
        "defaults_mode",
    }
)


class Config:
    """The presigning part of ``botocore.config.Config``, with the same names.

    ``s3`` takes ``addressing_style`` (``"auto"``, ``"virtual"``, ``"path"``),
    ``us_east_1_regional_endpoint`` (``"regional"``, ``"legacy"``), ``use_dualstack_endpoint``
    and ``use_accelerate_endpoint``. Options about sending requests (timeouts, retries,
    proxies, ...) are accepted and ignored: presigning does no I/O. A real
    ``botocore.config.Config`` works too.
    """

    def __init__(
        self,
        region_name: Optional[str] = None,
        signature_version: Optional[str] = None,
        s3: Optional[Mapping[str, Any]] = None,
        use_fips_endpoint: Optional[bool] = None,
        use_dualstack_endpoint: Optional[bool] = None,
        **transport: Any,
    ) -> None:
        unknown = sorted(set(transport) - _TRANSPORT_OPTIONS)
        if unknown:
            raise TypeError("Got unexpected keyword argument(s): %s" % ", ".join(unknown))
        self.region_name = region_name
        self.signature_version = signature_version
        self.s3 = dict(s3) if s3 is not None else None
        self.use_fips_endpoint = use_fips_endpoint
        self.use_dualstack_endpoint = use_dualstack_endpoint

    def __repr__(self) -> str:
        return "Config(region_name=%r, signature_version=%r, s3=%r, use_fips_endpoint=%r, use_dualstack_endpoint=%r)" % (
            self.region_name,
            self.signature_version,
            self.s3,
            self.use_fips_endpoint,
            self.use_dualstack_endpoint,
        )


def _env_bool(name: str) -> Optional[bool]:
    v = os.environ.get(name)
    if v is None or v == "":
        return None
    return v.strip().lower() == "true"


def _flag(*values: Any) -> bool:
    for v in values:
        if v is not None:
            if isinstance(v, str):
                return v.strip().lower() == "true"
            return bool(v)
    return False


def client(
    service_name: str = "s3",
    region_name: Optional[str] = None,
    api_version: Optional[str] = None,
    use_ssl: bool = True,
    verify: Union[None, bool, str] = None,
    endpoint_url: Optional[str] = None,
    aws_access_key_id: Optional[str] = None,
    aws_secret_access_key: Optional[str] = None,
    aws_session_token: Optional[str] = None,
    config: Any = None,
    *,
    boto3_compatible: bool = False,
    credentials_expire_at: Any = None,
    deny_warnings: bool = False,
) -> S3Client:
    """A presigning S3 client, built like ``boto3.client("s3", ...)``.

    Credentials, region and endpoint come from the arguments, then ``config``, then the
    environment (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``,
    ``AWS_REGION`` / ``AWS_DEFAULT_REGION``, ``AWS_ENDPOINT_URL_S3`` / ``AWS_ENDPOINT_URL``,
    ``AWS_S3_US_EAST_1_REGIONAL_ENDPOINT``, ``AWS_USE_FIPS_ENDPOINT``,
    ``AWS_USE_DUALSTACK_ENDPOINT``). Shared config files and instance metadata are not read:
    pass what boto3 resolved (``session.get_credentials().get_frozen_credentials()``).

    ``boto3_compatible=True`` makes every URL byte-identical to botocore's, including its two
    traps: the global ``s3.amazonaws.com`` host for every region under "auto" addressing
    (boto/boto3#1982) and an explicit ``:443`` kept in the URL. Without it, URLs name the
    bucket's region and drop default ports; everything else is botocore's behaviour.

    ``credentials_expire_at`` (an aware ``datetime`` or Unix seconds) is when temporary
    credentials expire: a URL that would outlive them is refused.

    ``deny_warnings=True`` raises :class:`~s3presign.ClientHazardError` for a URL that common
    clients are known to break (e.g. a key with a ``.`` or ``..`` segment, which browsers,
    curl and requests rewrite).
    """
    if service_name != "s3":
        raise InvalidEndpointError(
            "s3presign presigns S3 requests: service_name must be \"s3\", not %r" % (service_name,),
            "unsupported-configuration",
        )
    del api_version, verify  # no effect on a presigned URL

    def cfg(name: str) -> Any:
        return getattr(config, name, None) if config is not None else None

    s3 = cfg("s3") or {}
    signature_version = cfg("signature_version")
    if signature_version not in (None, "s3v4", "v4"):
        raise InvalidEndpointError(
            "signature_version=%r is not supported: s3presign signs with Signature Version 4 "
            "(\"s3v4\"), which S3 accepts in every region (SigV2 is deprecated)" % (signature_version,),
            "unsupported-configuration",
        )

    if aws_access_key_id is None and aws_secret_access_key is None:
        aws_access_key_id = os.environ.get("AWS_ACCESS_KEY_ID")
        aws_secret_access_key = os.environ.get("AWS_SECRET_ACCESS_KEY")
        if aws_session_token is None:
            aws_session_token = os.environ.get("AWS_SESSION_TOKEN") or None
    if not aws_access_key_id or not aws_secret_access_key:
        raise InvalidCredentialsError(
            "no credentials: pass aws_access_key_id and aws_secret_access_key (and "
            "aws_session_token for temporary ones), or set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY",
            "missing-credentials",
        )

    region = (
        region_name
        or cfg("region_name")
        or os.environ.get("AWS_REGION")
        or os.environ.get("AWS_DEFAULT_REGION")
        or "us-east-1"
    )
    if endpoint_url is None and not _flag(os.environ.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")):
        endpoint_url = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or None
    if endpoint_url is None and not use_ssl:
        raise InvalidEndpointError(
            "use_ssl=False needs an http:// endpoint_url: AWS endpoints are https only here",
            "unsupported-configuration",
        )
    regional = s3.get("us_east_1_regional_endpoint") or os.environ.get("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT") or None
    return S3Client(
        aws_access_key_id,
        aws_secret_access_key,
        aws_session_token,
        region_name=region,
        endpoint_url=endpoint_url,
        addressing_style=s3.get("addressing_style") or "auto",
        us_east_1_regional_endpoint=regional,
        use_dualstack_endpoint=_flag(
            s3.get("use_dualstack_endpoint"), cfg("use_dualstack_endpoint"), _env_bool("AWS_USE_DUALSTACK_ENDPOINT")
        ),
        use_accelerate_endpoint=_flag(s3.get("use_accelerate_endpoint")),
        use_fips_endpoint=_flag(cfg("use_fips_endpoint"), _env_bool("AWS_USE_FIPS_ENDPOINT")),
        boto3_compatible=boto3_compatible,
        credentials_expire_at=credentials_expire_at,
        deny_warnings=deny_warnings,
    )
