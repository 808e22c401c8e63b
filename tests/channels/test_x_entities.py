"""The author's text from X's text and entities (`bot.channels.x.entities`), and API v2 long
posts (`note_tweet`), which X's documented samples do not cover."""

from __future__ import annotations

from bot.channels.x.entities import Links, author_text, links_v1, links_v2
from bot.channels.x.inbound import Inbound, inbound_from_v2_post


def test_hidden_trailing_links_go_but_words_are_never_cut() -> None:
    text = "Broadband &amp; rail matter https://t.co/AAAAAAAAAA"
    assert author_text(text, Links(), [0, 23]) == "Broadband & rail matter"  # unescaped
    # a range ending inside the author's words (as in some of X's samples) is not applied
    assert author_text("Skills matter most", Links(), [0, 5]) == "Skills matter most"
    assert author_text("short", Links(), [0, 99]) == "short"
    assert author_text("short", Links(), "junk") == "short"


def test_links_expanded_or_dropped_by_what_x_says_they_are() -> None:
    v1 = links_v1(
        {
            "urls": [
                {"url": "https://t.co/own", "expanded_url": "https://example.org/plan"},
                {"url": "https://t.co/qt", "expanded_url": "https://x.com/a/status/42"},
            ],
            "media": [{"url": "https://t.co/pic"}],
        },
        quoted_ids={"42"},
    )
    text = author_text("See https://t.co/own and https://t.co/qt https://t.co/pic", v1)
    assert text.split() == ["See", "https://example.org/plan", "and"]
    v2 = links_v2(
        {
            "urls": [
                {"url": "https://t.co/ownX", "expanded_url": "https://example.org/x"},
                {"url": "https://t.co/picX", "media_key": "3_1", "display_url": "pic.x.com/a"},
            ]
        }
    )
    assert author_text("https://t.co/ownX https://t.co/picX", v2).split() == [
        "https://example.org/x"
    ]
    # a t.co link that only starts with a known one is left alone
    assert author_text("https://t.co/ownXY", v2) == "https://t.co/ownXY"


def test_a_long_v2_post_uses_note_tweet_text_and_its_entities() -> None:
    words = "Our lab needs space near Westcott. " * 10
    tweet = {
        "id": "7",
        "author_id": "200",
        "text": words[:270] + "… https://t.co/more",
        "entities": {"mentions": []},
        "note_tweet": {
            "text": words + "@BucksLEPbot",
            "entities": {"mentions": [{"id": "100", "username": "BucksLEPbot"}]},
        },
    }
    found = inbound_from_v2_post(tweet, "100", "#bucksLIS", 2000, usernames={})
    assert isinstance(found, Inbound) and found.kind == "post"  # the mention past 280 counts
    assert found.text == words.strip()


def test_a_replys_prefix_goes_and_handles_in_the_authors_words_stay() -> None:
    """X puts the handles replied to before `display_text_range`; the author's own handles
    inside it are their words (X format probe, 7 Dec)."""
    text = "@BucksLEPbot @TfBucks Ask @TfBucks about the A413"
    assert author_text(text, Links(), [22, 49]) == "Ask @TfBucks about the A413"
    # a range that would cut words (X's samples have such) is not applied
    assert author_text("Skills, skills", Links(), [1, 14]) == "Skills, skills"
