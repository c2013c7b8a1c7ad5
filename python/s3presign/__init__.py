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

# The public names: these (re-exported as `X as X`, PEP 484's convention) and the exception
# classes, which errors.__all__ lists.
from ._client import Config as Config
from ._client import client as client
from ._native import Presigned as Presigned
from ._native import PresignedPost as PresignedPost
from ._native import Presigner as Presigner
from ._native import PresignWarning as PresignWarning
from ._native import S3Client as S3Client
from ._native import __version__ as __version__
from .errors import *  # noqa: F401,F403
