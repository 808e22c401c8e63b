"""What counts as asking for everything to be deleted (`bot.consultation.leaving.asks_to_delete`).

A view that deletes, scraps or wipes something of the business's own (its trade, its
margins, a product line) is a view, and must be stored: the old pattern took any "remove
... my ..." as "delete everything" and, at the play-back, deleted the whole consultation.
"""

from __future__ import annotations

import pytest

from bot.consultation.leaving import LONG_MESSAGE_WORDS, asks_to_delete, asks_to_forget

VIEWS = [
    "We had to scrap my favourite product line because the supply chain costs tripled",
    "the council want to remove my customers' parking and it will kill the high street",
    "I'd love to clear my backlog but can't hire anyone",
    "we'd bin all of it and start again if we could, the planning system is broken",
    "the new parking rules will remove all my passing trade, the high street is dying",
    "the bank threatened to withdraw our overdraft after the A41 closure cost us a month",
    "the floods last winter wiped everything out in the lower workshop",
    "another bypass would wipe us out, we rely on passing trade",
    "forget what the strategy says about space, the real issue is the A41",
    "forget everything else, the roads are the issue for us and our drivers",
]
REQUESTS = [
    "forget me",
    "please delete my answers",
    "delete everything I've said",
    "I withdraw",
    "withdraw my consent please",
    "I'd like to withdraw from this consultation",
    "can you remove me",
    "wipe it all",
    "please don't keep what I've said",
    "remove all my data please",
    "I'd rather you didn't keep any of it",
    "get rid of my details",
    "can you delete our conversation",
]


@pytest.mark.parametrize("text", VIEWS)
def test_a_view_that_deletes_something_of_its_own_is_no_request(text: str) -> None:
    assert not asks_to_delete(text)
    # a short message with "wipe" or "scrap" still counts when NLU read it as forget_me
    # (`asks_to_forget` confirms NLU there); a long one must say what to delete
    if len(text.split()) > LONG_MESSAGE_WORDS:
        assert not asks_to_forget(text)


@pytest.mark.parametrize("text", REQUESTS)
def test_a_request_to_delete_what_was_said_is_read_as_one(text: str) -> None:
    assert asks_to_delete(text)
    assert asks_to_forget(text)
