"""The strategy knowledge the bot speaks from, loaded from `seeds/`.

`seeds/` is the single source of truth for theme ids, their descriptions and
assets, and every fact or figure the bot states.
"""

from bot.strategy.loader import (
    ISLAND_IDS,
    SEABED_IDS,
    THEME_IDS,
    Theme,
    load_strategy,
    load_themes,
    theme,
)

__all__ = [
    "ISLAND_IDS",
    "SEABED_IDS",
    "THEME_IDS",
    "Theme",
    "load_strategy",
    "load_themes",
    "theme",
]
