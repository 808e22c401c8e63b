"""Answer a long-polling client's held GET when it closes its session.

Over socket.io's long-polling transport the client always has one GET waiting at the
server for the next packets. When the client closes the session (the widget's reconnect
after `offline`/`online`, a page's `socket.disconnect()`, any socket.io client's
`disconnect()`), it POSTs an engine.io `close` packet. The reference server (JavaScript
engine.io, `Polling.onClose`: "close pending poll request") then answers that waiting GET
at once with a `noop`. python-engineio 4.15 does not: it marks the session closed and
leaves the GET hanging until its poll timeout (ping_interval + ping_timeout, 45 s), then
answers 400. So every closed polling session held a server request and a proxy connection
for 45 s, and a client that waits for its GET before it calls itself disconnected (the
python-socketio client does; its own GET timeout is ping_interval + 5 = 30 s) took 30 s
to disconnect: the fault tests' widget businesses over polling took 67-85 s for a load
that took ~12 s over websocket.

`install(sio)` wraps engine.io's disconnect handler so that a session the client closed
while still on polling gets a `noop` in its queue: the waiting GET returns it at once.
Websocket sessions and server-initiated closes (which already queue a `close` packet)
are left alone.
"""

from __future__ import annotations

import logging
from typing import Any

from engineio import packet
from socketio import AsyncServer

logger = logging.getLogger(__name__)


def install(sio: AsyncServer) -> None:
    """Release the held poll of every polling session its client closes (idempotent)."""
    eio = sio.eio
    handler = eio.handlers.get("disconnect")
    if handler is None or getattr(handler, "releases_held_poll", False):
        return

    async def disconnect(eio_sid: str, reason: Any = None) -> Any:  # noqa: ANN401
        try:
            return await handler(eio_sid, reason)
        finally:
            release_held_poll(sio, eio_sid, reason)

    disconnect.releases_held_poll = True  # type: ignore[attr-defined]
    eio.on("disconnect", disconnect)


def release_held_poll(sio: AsyncServer, eio_sid: str, reason: Any) -> bool:  # noqa: ANN401
    """Queue a `noop` for the session's waiting GET if the client closed it on polling."""
    eio = sio.eio
    if reason != eio.reason.CLIENT_DISCONNECT:
        return False  # the server's own closes queue a `close` packet for the GET already
    socket = eio.sockets.get(eio_sid)
    if socket is None or socket.upgraded or socket.upgrading:
        return False  # websocket: no GET is held
    socket.queue.put_nowait(packet.Packet(packet.NOOP))
    logger.debug("Released the held poll of closed session %s", eio_sid)
    return True
