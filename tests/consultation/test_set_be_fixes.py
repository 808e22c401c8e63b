"""Set BE of unseen conversations (ordinary chats, mostly X DMs) passed 10 of 12 on its first
run. The two it found: a long DM whose last sentence stops mid-way ("... and the course
is") was kept as the whole answer and its second half filed under the next question; and
"What does digital science cover, exactly?" at the seabed choice was told what the strategy
focuses on and chose Digital science."""

from __future__ import annotations

from bot.consultation.cut_off import cut_off
from bot.consultation.replies import asks_what_it_covers_of


def test_a_long_message_whose_last_sentence_stops_midway_is_cut_off() -> None:
    assert cut_off(
        "@btvlep cant find trained groomers anywhere near, nearest course is in reading and"
        " theres no direct train from chesham. and the course is"
    )
    assert cut_off("we need better")
    assert not cut_off("We cant recruit. Staff leave for London")
    assert not cut_off("The roads are awful. We need more of the buses.")


def test_what_a_theme_covers_asked_at_the_choice() -> None:
    assert asks_what_it_covers_of("What does digital science cover, exactly?")
    assert asks_what_it_covers_of("what would the housing one include? we build extensions")
    assert not asks_what_it_covers_of("what does broadband cost out here? too much")
    assert not asks_what_it_covers_of("digital science, we cover data for the NHS")
