"""What set W of unseen conversations (benchmarks/data/conversation_probe_w.yml) found in
reading replies, without Rasa: an email typed with spaces round the @ and the dots, and
"skip to the end" as a request to finish. Paraphrases the set does not use, and, for every
rule, views with the same trigger words that must stay views."""

from __future__ import annotations

import pytest

from bot.consultation.email_text import find_email
from bot.consultation.replies import asks_to_finish


@pytest.mark.parametrize(
    ("typed", "email"),
    [
        ("kate.wells @ haddenhamdeli .co.uk", "kate.wells@haddenhamdeli.co.uk"),  # the set's
        ("jo @ gmail . com please", "jo@gmail.com"),
        ("mike.b @ chiltern-joinery . co . uk", "mike.b@chiltern-joinery.co.uk"),
        ("it's priya@ wendoverflorist.co.uk", "priya@wendoverflorist.co.uk"),
        ("yes email me at john at acmesupplies dot co dot uk", "john@acmesupplies.co.uk"),
    ],
)
def test_an_email_with_spaces_in_it_is_read(typed: str, email: str) -> None:
    assert find_email(typed) == email


@pytest.mark.parametrize(
    "text",
    [
        "I'm at work. later",
        "we're at Westcott. come and visit",
        "the A41 at Aston Clinton. always jammed",
    ],
)
def test_a_sentence_with_at_and_a_full_stop_is_no_email(text: str) -> None:
    assert find_email(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "can we skip to the end please, I'm short on time",  # the set's
        "jump to the end pls",
        "can we just go straight to the end",
        "skip to the finish, no time",
        "ok fast forward to the summary please",
    ],
)
def test_skip_to_the_end_asks_to_finish(text: str) -> None:
    assert asks_to_finish(text)


@pytest.mark.parametrize(
    "text",
    [
        "skip to the end of the A41 queue and you'll see our depot flooded every winter",
        "we always jump to the end of the list for council contracts",
        "go to the end of Wendover high street and there's nowhere to park",
    ],
)
def test_a_view_with_skip_to_the_end_in_it_is_no_request(text: str) -> None:
    assert not asks_to_finish(text)
