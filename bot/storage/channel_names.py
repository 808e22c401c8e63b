"""Names people read for stored channel codes: staff pages, exports and the board report.

One vocabulary: the board report kept names of its own ("X posts", "Website chat (API)")
and showed an older X channel as its code, "twitter" (staff probe s45).
"""

from __future__ import annotations

CHANNEL_LABELS = {
    "socketio": "Website chat",
    "rest": "Chat over the REST API",
    "x": "X direct message",
    "twitter": "X direct message (older)",
    "x_post": "#bucksLIS post on X",
    "email": "Email",
    "survey": "Survey",
    "event": "Event",
}


def channel_label(channel: str | None) -> str:
    """The channel's name for people; an unknown code is shown as it is."""
    return CHANNEL_LABELS.get(channel or "", channel or "")
