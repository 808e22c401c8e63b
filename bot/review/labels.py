"""Names staff read for stored codes (channels); exports carry the name and the code.

The names live in `bot.storage.channel_names`, shared with the board report."""

from __future__ import annotations

from bot.storage.channel_names import CHANNEL_LABELS, channel_label

__all__ = ["CHANNEL_LABELS", "channel_label"]
