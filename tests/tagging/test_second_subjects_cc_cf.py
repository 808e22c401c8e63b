"""Second subjects sets CC to CF of unseen conversations lost on their first run (thirty-
seventh session), each worded so that every labelled training message agrees (README:
Measured): the growth hub named, lanes or streets too potholed to use, time lost on the
way, staff poached, nobody to back or to show a small firm how."""

from __future__ import annotations

import re

import pytest

from bot.tagging.needs import stated_needs
from bot.tagging.programmes import RULES, named_programmes
from bot.tagging.stated_views import stated_views
from bot.tagging.training import data as tagdata


def test_the_growth_hub_named_is_business_support() -> None:
    clause = "nobody at the growth hub could tell us how a firm our size even gets onto the list"
    assert named_programmes([clause]) == {"entrepreneurialism": "growth hub"}


def test_every_training_message_naming_the_growth_hub_carries_entrepreneurialism() -> None:
    hub = re.compile(r"\bgrowth hubs?\b", re.IGNORECASE)
    named = [e for p in tagdata.TRAIN_PATHS for e in tagdata.load(p) if hub.search(e.text)]
    assert len(named) >= 20
    assert all("entrepreneurialism" in e.themes for e in named)
    assert RULES["entrepreneurialism"].search("the Growth Hub")


def test_lanes_too_potholed_to_use() -> None:
    clause = "the lanes to half of them are so potholed my cakes arrive cracked"
    assert "infrastructure" in stated_views([clause])
    # a pothole a business would find for the council is no view on the roads
    assert "infrastructure" not in stated_views(["we map potholes for the highways team"])


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        (
            "last month one of them pinched my best fitter with a van and a bonus",
            "education_skills",
        ),
        ("a firm our size cant find anyone to back a recycling line", "entrepreneurialism"),
        (
            "somebody who could show a firm our size how to price the streaming contracts",
            "entrepreneurialism",
        ),
    ],
)
def test_a_need_in_other_words(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "someone stole a trailer from the yard",  # theft, not staff
        "can someone ring me back?",
        "we have someone to show visitors round",
    ],
)
def test_not_those_needs(clause: str) -> None:
    found = stated_needs([clause])
    assert "education_skills" not in found and "entrepreneurialism" not in found


def test_time_lost_on_the_way_is_infrastructure() -> None:
    clause = "and the van loses half an hour on the hill into town every afternoon"
    assert "infrastructure" in stated_views([clause])
    assert stated_views(["who reads these? before I spend 10 mins on it"]) == {}
