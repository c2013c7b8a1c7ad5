"""The form boto3's ``generate_presigned_post`` returns, built as botocore 1.43 builds it, so
that the policy document is botocore's byte for byte: the same conditions in the same order,
written by ``json.dumps`` with its default separators and ``ensure_ascii``.

The native client gives the facts (the form URL, the expiration, the credential scope, the
date, the session token) and ``sign``, which hands the document to presign's
``sign_document``: it checks the policy as S3 will (what S3 cannot read, an expiry outside
1 s to 7 days or past the credentials', the auth conditions) and signs it as written.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional, Tuple

ALGORITHM = "AWS4-HMAC-SHA256"


def presigned_post(
    sign: Callable[[str], Tuple[str, str]],
    url: str,
    bucket: str,
    key: str,
    fields: Optional[Dict[str, Any]],
    conditions: Optional[List[Any]],
    expiration: str,
    credential: str,
    amz_date: str,
    security_token: Optional[str],
) -> Dict[str, Any]:
    """``{"url": ..., "fields": {...}}``. The caller's ``fields`` and ``conditions`` are left
    as they are (botocore appends its bucket and key conditions to the caller's list)."""
    # botocore.signers.generate_presigned_post
    fields = {} if fields is None else fields.copy()
    conditions = [] if conditions is None else list(conditions)
    conditions.append({"bucket": bucket})
    if key.endswith("${filename}"):
        conditions.append(["starts-with", "$key", key[: -len("${filename}")]])
    else:
        conditions.append({"key": key})
    fields["key"] = key
    # botocore.signers.S3PostPresigner.generate_presigned_post: "expiration" comes first.
    policy = {"expiration": expiration, "conditions": conditions}
    # botocore.auth.S3SigV4PostAuth.add_auth
    fields["x-amz-algorithm"] = ALGORITHM
    fields["x-amz-credential"] = credential
    fields["x-amz-date"] = amz_date
    conditions.append({"x-amz-algorithm": ALGORITHM})
    conditions.append({"x-amz-credential": credential})
    conditions.append({"x-amz-date": amz_date})
    if security_token is not None:
        fields["x-amz-security-token"] = security_token
        conditions.append({"x-amz-security-token": security_token})
    fields["policy"], fields["x-amz-signature"] = sign(json.dumps(policy))
    return {"url": url, "fields": fields}
