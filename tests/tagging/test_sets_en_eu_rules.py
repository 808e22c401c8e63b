"""Subjects sets EN to EU of unseen conversations lost on their first run (forty-second
session): countryside lost to building is the environment (19 of 21 labelled messages so
worded agree); training wanted in a word or two is skills (24 of 24); a phone mast is
infrastructure (8 of 8)."""

from __future__ import annotations

import pytest

from bot.tagging.needs import stated_needs
from bot.tagging.stated_views import stated_views


@pytest.mark.parametrize(
    "clause",
    [
        "@btvlep new estates keep eating the fields we hack out on",
        "the green belt is disappearing under warehouses",
        "we're losing the countryside that brings the walkers",
        "the meadows behind us were built on last year",
    ],
)
def test_countryside_lost_is_the_environment(clause: str) -> None:
    assert "environment_quality_of_life" in stated_views([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "the fields round here are lovely",  # the countryside, nothing lost
        "we lost the contract to a firm in Slough",
        "Hampden Fields is where the new estate goes",
    ],
)
def test_fields_named_without_loss_are_not(clause: str) -> None:
    assert "environment_quality_of_life" not in stated_views([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "some training on this software for small firms will help",
        "more hands-on training for the young ones",
        "cheap training near here would be good",
        "funded training for supervisors",
    ],
)
def test_training_wanted_is_skills(clause: str) -> None:
    assert "education_skills" in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "we train everyone ourselves and it works",  # what the firm does, nothing wanted
        "the training ground for the football club is next door",
    ],
)
def test_training_named_otherwise_is_not(clause: str) -> None:
    assert "education_skills" not in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    ["@btvlep someone needs to sort the masts", "a 5G mast on the industrial estate"],
)
def test_a_mast_is_infrastructure(clause: str) -> None:
    assert "infrastructure" in stated_views([clause])
