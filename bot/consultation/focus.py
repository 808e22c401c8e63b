"""What the strategy focuses on: its sectors (the islands), the places it names and who it
is for, composed from `seeds/` for questions such as "which sectors does this cover?",
"which towns are included?" or "is this just for tech firms?".

Composed here rather than written into domain.yml so the names and places are only ever
those in seeds/themes.yml. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.questions import message, theme_names
from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS, SEABED_IDS, THEME_IDS, load_strategy, theme


def places_by_theme() -> list[tuple[str, list[str]]]:
    """(theme id, places) for each theme with a place named in `focus.places`, theme order.

    A place belongs to the first theme listing it as an asset; one listed by no theme is
    an error in seeds/ (ValueError), so a place never appears without its theme.
    """
    grouped: dict[str, list[str]] = {}
    for place in load_strategy()["focus"]["places"]:
        owner = next((t for t in THEME_IDS if place in theme(t).assets), None)
        if owner is None:
            raise ValueError(f"focus place {place!r} is not an asset in seeds/themes.yml")
        grouped.setdefault(owner, []).append(place)
    return [(t, grouped[t]) for t in THEME_IDS if t in grouped]


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def focus_answer() -> str:
    """The answer in one message: sectors, places, and that every business counts."""
    places = "; ".join(f"{_and_list(names)} ({theme(t).name})" for t, names in places_by_theme())
    return "\n".join(
        [
            message(
                "focus_sectors",
                area=load_strategy()["focus"]["area"],
                islands=theme_names(list(ISLAND_IDS)),
            ),
            message("focus_places", places=places),
            message("focus_everyone", seabed=theme_names(list(SEABED_IDS))),
        ]
    )


# "Hello. Does this strategy actually cover businesses like mine, or is it all film studios
# and rockets?" (set FY was given the Creative and digital economy, which "film" names): the
# strategy asked about for the asker's own kind of business, the islands named only as the
# contrast; the whole focus (every business counts), not one island. A theme as the subject
# ("is high performance technology just F1, or does it cover firms like us?") is not this.
_LIKE_US = (
    r"((businesses|business|firms?|compan(y|ies)|people|outfits?|ones|folk|shops?|traders?)"
    r"( \w+)? like (mine|me|us|ours|my own|our own|ourselves)|the likes of (us|me))"
)
_STRATEGY = r"(this|the|your) (strategy|plan|lis|consultation|thing)|this"
COVERS_US = re.compile(
    rf"\b(does|do|will|would|can|could|is) ({_STRATEGY})( actually| really| even| also)? "
    r"(cover|include|apply to|take in|mean anything (to|for)|matter (to|for)|work for|help|"
    r"care about|have anything for|(meant |aimed )?(for|at))( \w+){0,3}? "
    + _LIKE_US
    + r"|\b(anything|something) (in (it|this|here|the strategy) )?for( \w+){0,3}? "
    + _LIKE_US
)


def asks_if_it_covers_us(text: Any) -> bool:
    """The question asks whether the strategy covers businesses like the asker's."""
    if not isinstance(text, str):
        return False
    return COVERS_US.search(normalise(without_addressees(text))) is not None
