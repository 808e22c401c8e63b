"""The X webhook's HTTP surface: the challenge-response check, and the checks a delivery
passes before anything parses it (configured, size, signature, a JSON object), each refusal
in the channel's own JSON. Split from webhook.py (past 400 lines), which keeps what a
delivery means: parsing, claiming and handling its events."""

from __future__ import annotations

import json
import logging
from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.x.signatures import (
    CRC_TOKEN_RE,
    SIGNATURE_HEADER,
    SIGNATURE_MESSAGES,
    crc_response_token,
    crc_token_in,
    signature_problem,
)
from bot.config import Settings

logger = logging.getLogger(__name__)

# The largest delivery X makes: a 25,000-character post quoting another, both whole (XAA
# repeats the post in `includes`): three texts of up to 150 KB each when X writes emoji
# (two of X's characters each) as "\ud83d\ude29", with entities and users about 0.5 MB.
# 64 KB refused a 25,000-character quote (X format probe, 7 Dec). The webhook takes what
# the server takes (RASA_MAX_BODY_BYTES, one limit for every channel), and this when that
# is 0 (Sanic's 100 MB): still checked before the signature is computed.
X_LARGEST_DELIVERY_BYTES = 512 * 1024
MAX_BODY_BYTES = 1_000_000


def max_body_bytes(cfg: Settings) -> int:
    """The largest webhook body read: RASA_MAX_BODY_BYTES, or `MAX_BODY_BYTES` when 0."""
    return cfg.rasa_max_body_bytes if cfg.rasa_max_body_bytes > 0 else MAX_BODY_BYTES


def error(status: int, code: str, message: str) -> HTTPResponse:
    return response.json({"error": code, "message": message}, status=status, dumps=json.dumps)


def retry_later(body: dict[str, Any]) -> HTTPResponse:
    """A 503 X retries: it redelivers a non-200 up to three times in five minutes."""
    resp = response.json(body, status=503, dumps=json.dumps)
    resp.headers["Retry-After"] = "30"
    return resp


def crc_answer(request: Request, cfg: Settings) -> HTTPResponse:
    """X's challenge-response check: `{"response_token": "sha256=<base64 HMAC>"}`."""
    secret = cfg.x_consumer_secret
    if not secret:
        return error(503, "x_not_configured", "X_CONSUMER_SECRET is not set.")
    token = crc_token_in(request.query_string)
    if not token:
        return error(400, "missing_crc_token", "Expected a crc_token parameter.")
    if not CRC_TOKEN_RE.match(token):
        # The CRC and the POST signature are the same HMAC under the same key: a token
        # that could be a JSON body would make this a signing oracle.
        return error(400, "invalid_crc_token", "The crc_token is not a token.")
    return response.json({"response_token": crc_response_token(token, secret)}, dumps=json.dumps)


def read_delivery(
    request: Request, cfg: Settings
) -> tuple[dict[str, Any], None] | tuple[None, HTTPResponse]:
    """The delivery's JSON object, or the refusal to send instead: 503 unconfigured, 413
    too large (checked before the signature is computed), 403 a missing, malformed or
    wrong signature (compared in constant time), 400 not a JSON object."""
    secret = cfg.x_consumer_secret
    if not secret:
        return None, error(
            503,
            "x_not_configured",
            "X_CONSUMER_SECRET is not set, so X webhooks cannot be verified and are refused.",
        )
    declared = request.headers.get("content-length", "")
    body = request.body or b""
    limit = max_body_bytes(cfg)
    if (declared.isascii() and declared.isdigit() and int(declared) > limit) or len(body) > limit:
        return None, error(413, "too_large", f"Bodies over {limit} bytes are refused.")
    problem = signature_problem(body, request.headers.get(SIGNATURE_HEADER), secret)
    if problem:
        status, message = SIGNATURE_MESSAGES[problem]
        logger.warning("X webhook refused: %s", problem)
        return None, error(status, problem, message)
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, error(400, "invalid_json", "The body is not valid JSON.")
    if not isinstance(payload, dict):
        return None, error(400, "invalid_json", "The body is not a JSON object.")
    return payload, None
