"""Custom action calls over one pooled keep-alive HTTP session, the tracker encoded by ujson.

Rasa 3.6's `EndpointConfig.request` opens a new aiohttp `ClientSession` for every custom
action call (two or three a turn): a new TCP connection that the action server accepts,
serves once and closes. It also encodes the whole tracker (up to ~90 kB of events by the end
of a consultation) with the standard library's `json`. Both run on Rasa's single event loop,
which every conversation shares, so under load each costs every waiting turn.

Measured on `bucks-lis run` (30 Nov, 2 shared cores): a new session per call costs the
client 1.1-1.2 ms CPU and 5.7-7.2 ms wall a call against 0.4-0.5 ms and 2.8-3.6 ms pooled;
`json.dumps` of a finished consultation's tracker 2.8-3.0 ms against ujson's 1.0-1.4 ms.

`install()` makes every `RemoteAction` use `PooledEndpoint`: one session per event loop whose
idle connections live `ACTION_KEEPALIVE_SECONDS` (bot/config.py, default 2 s: below the
action server's (Sanic) 5 s and HAProxy's 15 s, so Rasa never reuses a connection the server
is closing; a connection the server closed is never reused). `0` restores Rasa's own call.
Errors are Rasa's (`ClientResponseError`, aiohttp's), so the guard in `resilience.py` treats
them as before.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from typing import Any

import aiohttp
import ujson
from aiohttp import ContentTypeError
from rasa.core.actions.action import RemoteAction
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url
from sanic import Blueprint, Sanic

_sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession] = (
    weakref.WeakKeyDictionary()
)


def keepalive_seconds() -> float:
    """ACTION_KEEPALIVE_SECONDS from bot/config.py (0 = Rasa's new session per call)."""
    from bot.config import settings

    return settings().action_keepalive_seconds


def dumps(obj: Any) -> str:  # noqa: ANN401 - any JSON value
    """ujson (about 2.5x faster on a tracker); the standard library for what ujson refuses
    (integers over 64 bits, NaN), so nothing encodes differently from Rasa's own call."""
    try:
        return ujson.dumps(obj, escape_forward_slashes=False)
    except (OverflowError, TypeError, ValueError):
        return json.dumps(obj)


def pooled_session() -> aiohttp.ClientSession:
    """The running event loop's shared session (made on first use, or again once closed)."""
    loop = asyncio.get_running_loop()
    session = _sessions.get(loop)
    if session is None or session.closed:
        session = aiohttp.ClientSession(
            # limit=0: as many connections at once as Rasa opened before (one per call)
            connector=aiohttp.TCPConnector(limit=0, keepalive_timeout=keepalive_seconds()),
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            json_serialize=dumps,
        )
        _sessions[loop] = session
    return session


async def close_sessions() -> None:
    """Close the running loop's session (tests; a server stopping)."""
    session = _sessions.pop(asyncio.get_running_loop(), None)
    if session is not None:
        await session.close()


def close_on_stop(blueprint: Blueprint) -> None:
    """Close the pooled session while the server that `blueprint` is on stops and its loop
    still runs; left to the garbage collector, aiohttp warns of an unclosed session."""

    async def _close(_app: Sanic, _loop: Any) -> None:  # noqa: ANN401 - Sanic's loop
        await close_sessions()

    blueprint.listener(_close, "before_server_stop")


class PooledEndpoint(EndpointConfig):
    """The action endpoint, its requests on the loop's pooled session."""

    @classmethod
    def of(cls, endpoint: EndpointConfig) -> PooledEndpoint:
        return cls(
            endpoint.url,
            endpoint.params,
            endpoint.headers,
            endpoint.basic_auth,
            endpoint.token,
            endpoint.token_name,
            endpoint.cafile,
            type=endpoint.type,
            **endpoint.kwargs,
        )

    async def request(
        self,
        method: str = "post",
        subpath: str | None = None,
        content_type: str | None = "application/json",
        compress: bool = False,
        **kwargs: Any,
    ) -> Any:  # noqa: ANN401 - the server's JSON
        """`EndpointConfig.request` (same headers, auth, token, errors), pooled."""
        if keepalive_seconds() <= 0 or self.cafile:  # a private CA: Rasa's own call
            return await super().request(method, subpath, content_type, compress, **kwargs)
        headers = {"Content-Type": content_type} if content_type else {}
        headers.update(kwargs.pop("headers", None) or {})
        headers.update(self.headers)
        auth = (
            aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            if self.basic_auth
            else None
        )
        async with pooled_session().request(
            method,
            concat_url(self.url, subpath),
            headers=headers,
            auth=auth,
            params=self.combine_parameters(kwargs),
            compress=compress,
            **kwargs,
        ) as response:
            if response.status >= 400:
                raise ClientResponseError(
                    response.status, response.reason, await response.content.read()
                )
            try:
                return await response.json()
            except ContentTypeError:
                return None


def install() -> None:
    """Give every RemoteAction a pooled copy of its endpoint (idempotent)."""
    if getattr(RemoteAction.__init__, "_bucks_lis_pooled", False):
        return
    original = RemoteAction.__init__

    def __init__(self: RemoteAction, name: str, action_endpoint: Any) -> None:  # noqa: ANN401
        if action_endpoint is not None and not isinstance(action_endpoint, PooledEndpoint):
            action_endpoint = PooledEndpoint.of(action_endpoint)
        original(self, name, action_endpoint)

    __init__._bucks_lis_pooled = True  # type: ignore[attr-defined]
    RemoteAction.__init__ = __init__
