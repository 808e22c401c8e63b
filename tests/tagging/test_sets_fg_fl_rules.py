"""Subjects sets FG to FL of unseen conversations lost on their first run (forty-fourth
session): connectivity a business lacks ("we've no fibre so we courier test results about
on usb sticks") is infrastructure, as all 71 training messages so worded are labelled."""

from __future__ import annotations

import pytest

from bot.tagging.needs import stated_needs
from bot.tagging.training import data as tagdata


@pytest.mark.parametrize(
    "clause",
    [
        "we've no fibre so we courier test results about on usb sticks",
        "patchy mobile signal out at the yard",
        "terrible broadband on the industrial estate",
        "there's no full fibre here",
    ],
)
def test_connectivity_lacked_is_infrastructure(clause: str) -> None:
    assert "infrastructure" in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "no signal issues here, it's all about staff",
        "we don't have slow internet",  # a negation before it
        "fibre arrived last year and it's great",
    ],
)
def test_connectivity_without_a_lack_is_not(clause: str) -> None:
    assert "infrastructure" not in stated_needs([clause])


def test_training_messages_so_worded_all_carry_infrastructure() -> None:
    from bot.tagging.needs import _NO_CONNECTION

    hits = [e for e in tagdata.load_train() if _NO_CONNECTION.search(e.text)]
    assert len(hits) >= 60
    assert all("infrastructure" in e.themes for e in hits)
