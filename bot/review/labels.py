"""Names staff read for stored codes (channels); exports carry the name and the code."""

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
