"""X's webhook signatures: the CRC answer and the check on every POST body.

Account Activity and the X Activity API (XAA) sign the same way, so one check serves both:
an HMAC-SHA256 of the raw body under the app's consumer secret, base64, `sha256=` prefix.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from urllib.parse import unquote

SIGNATURE_HEADER = "x-twitter-webhooks-signature"
MAX_CRC_TOKEN_CHARS = 512
CRC_TOKEN_RE = re.compile(r"^[A-Za-z0-9_\-+/=.:~]{1,512}$")  # no JSON: see webhook.challenge

# All 403: the body is refused as not X's. (A 401 would have to name an HTTP authentication
# scheme in WWW-Authenticate, and X's signature is none.) The error code says which.
SIGNATURE_MESSAGES = {
    "missing_signature": (403, f"The {SIGNATURE_HEADER} header is missing."),
    "malformed_signature": (403, f"The {SIGNATURE_HEADER} header is not 'sha256=<base64>'."),
    "invalid_signature": (403, "The signature does not match the request body."),
}


def _hmac_b64(secret: str, message: bytes) -> str:
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def crc_token_in(query_string: str) -> str | None:
    """The `crc_token` of a CRC request's query, percent-decoded but with a `+` kept as a
    `+`: form decoding made a base64 token's "+" a space, the token was refused (400) and
    X marks a webhook that fails its CRC invalid, delivering nothing (X format probe s43).
    X's tokens hold no spaces, so nothing is lost by not reading "+" as one."""
    for pair in query_string.split("&"):
        name, _, value = pair.partition("=")
        if unquote(name) == "crc_token":
            return unquote(value)
    return None


def crc_response_token(crc_token: str, consumer_secret: str) -> str:
    """X's challenge-response: `sha256=` + base64 HMAC-SHA256 of the token."""
    return "sha256=" + _hmac_b64(consumer_secret, crc_token.encode("utf-8"))


def sign_body(body: bytes, consumer_secret: str) -> str:
    """The `x-twitter-webhooks-signature` value X sends for this raw body."""
    return "sha256=" + _hmac_b64(consumer_secret, body)


def signature_problem(body: bytes, header: str | None, consumer_secret: str) -> str | None:
    """None if `header` signs `body`; else `missing_signature`, `malformed_signature` or
    `invalid_signature`. The digests are compared with `hmac.compare_digest`."""
    if not header:
        return "missing_signature"
    scheme, _, encoded = header.strip().partition("=")
    if scheme.lower() != "sha256" or not encoded:
        return "malformed_signature"
    try:
        given = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return "malformed_signature"
    if len(given) != hashlib.sha256().digest_size:
        return "malformed_signature"
    expected = hmac.new(consumer_secret.encode("utf-8"), body, hashlib.sha256).digest()
    return None if hmac.compare_digest(given, expected) else "invalid_signature"
