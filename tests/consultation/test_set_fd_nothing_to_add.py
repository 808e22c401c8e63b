"""Set FD (the ordinary website consultation, seventh round): "nothing to add on skills
really" was kept as the skills answer. Nothing to say, with what it is about said after,
keeps nothing; a view that only opens the same way stays a view."""

from __future__ import annotations

import pytest

from bot.consultation.replies.skips import means_nothing


@pytest.mark.parametrize(
    "text",
    ["nothing to add on skills really", "nothing on skills really", "no comment on housing"],
)
def test_nothing_to_add_on_a_subject_keeps_nothing(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "nothing on the roads works",
        "nothing to add on skills except that we cant recruit",
        "nothing to add on housing, we rent",
        "nothing about housing is affordable",
    ],
)
def test_a_view_that_opens_the_same_way_stays_a_view(text: str) -> None:
    assert not means_nothing(text)
