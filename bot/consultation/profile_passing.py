"""What else a profile answer gives beside the field asked for, so those questions are not
asked: the trade (and a head count and town) after the name ("Hale Leys Print, we're a
commercial printers, 12 of us in Wendover"), the head count with the trade ("bespoke
joinery, there's 14 of us"), the role with the head count ("I'm the practice manager,
there's 22 of us"), the town with either. The answer itself keeps only its own field: a
consultation officer filtering by sector should not find "Vending machines, 4 of us".
No Rasa imports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.consultation.profile import (
    head_count_given,
    name_and_trade,
    role_given,
    trade_alone,
    trade_details,
    without_role,
)
from bot.consultation.profile_checks import name_and_place, name_without_remark
from bot.consultation.profile_places import where_said

# Questions whose answer may carry the head count too (a name may hold a number: "People
# 1st Recruitment")
HEAD_COUNT_WITH = frozenset({"sector", "location", "role"})
# Questions whose answer may say the role in passing ("I'm the practice manager, ...",
# "Aylesbury, I'm the owner": set BL kept it all as the town and asked the role)
# "Redbrook Signs, I'm the owner" at the name question (set BR kept it all as the name)
ROLE_WITH = frozenset({"organisation", "sector", "size_band", "location"})
# Questions whose answer may say the town in a clause of its own ("there's 6 of us, we're in
# Princes Risborough": set AF asked the town again; "care home, 30 staff, in Chesham")
PLACE_WITH = frozenset({"size_band", "sector"})

Filled = Callable[[str], Any]  # a profile field's value so far (None when not yet given)


def said_in_passing(slot: str, typed: str, filled: Filled) -> dict[str, str]:
    """The other, still empty fields this answer to `slot` gives."""
    found: dict[str, str] = {}
    trade = name_and_trade(typed)[1] if slot == "organisation" else None
    if trade and not filled("sector"):
        # "..., we're a craft brewery, 12 of us in Wendover": the count and place too
        sector, band, place = trade_details(trade)
        more = {"sector": sector, "size_band": band, "location": place}
        found.update({k: v for k, v in more.items() if v and not filled(k)})
    role = role_given(typed) if slot in ROLE_WITH else None
    if role and not filled("role"):
        found["role"] = role
    place = where_said(typed) if slot in PLACE_WITH else None
    if place and not filled("location"):
        found["location"] = place
    return found


def answer_and_more(slot: str, text: str, typed: str, filled: Filled) -> tuple[str, dict[str, str]]:
    """(`slot`'s own answer, the other fields given with it) for the tidied answer `text`
    (as `typed`). The own answer is "" when the message gave only other fields ("we're a
    craft brewery" for the name)."""
    band = None if filled("size_band") else head_count_given(text)
    more = {"size_band": band} if band and slot in HEAD_COUNT_WITH else {}
    more.update(said_in_passing(slot, typed, filled))
    if slot == "organisation" and more.keys() & {"sector", "location"}:
        return name_and_trade(text)[0], more
    if slot in ("organisation", "sector", "location") and "role" in more:
        text = without_role(text)  # "Aylesbury, I'm the owner": the town alone
    if slot == "sector" and more.keys() & {"size_band", "location"}:
        # "Vending machines, 4 of us" (set BN filed it all as the sector): the trade alone
        return trade_alone(text), more
    if slot == "organisation":  # "Marlow Boatworks, though I sold it in 2022"
        text, place = name_and_place(name_without_remark(text))
        if place and not filled("location"):  # "... on the high street in Olney"
            more["location"] = place
    return text, more
