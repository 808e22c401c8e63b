"""What the tagger reads: a post without its decorations, and a message clause by clause."""

from __future__ import annotations

import pytest

from bot.tagging.clean import clean
from bot.tagging.segments import segments


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Silverstone Park 🏎️ #bucksLIS", "Silverstone Park"),
        ("@BucksLEP #skills + #roads pls", "skills + roads pls"),
        ("#bucksLIS EWR when???", "EWR when???"),
        ("see https://x.com/a/status/1 about #EastWestRail", "see about East West Rail"),
        ("plain words stay as they are", "plain words stay as they are"),
        ("#BucksLIS", ""),
        # a handle goes unless it names an institution: then its name is the subject
        ("spinouts from @BucksNewUni need money", "spinouts from Bucks New Uni need money"),
        ("Anyone at @BucksCouncil fancy a pilot?", "Anyone at Bucks Council fancy a pilot?"),
        ("@HS2ltd fix the road", "HS2 ltd fix the road"),
        ("@WycombeVanHire here, @btvlep hi", "here, hi"),
        # a lower-case handle runs its words together (unseen set AE)
        ("@buckscc should be buying trials", "bucks County Council should be buying trials"),
        ("@bucksnewuni grads", "bucksnew Uni grads"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # set FQ: the doubt cleared the whole view at the any-theme gate
        (
            "@btvlep not sure if this counts but the farms we buy from get sold off for paddocks",
            "the farms we buy from get sold off for paddocks",
        ),
        (
            "Dunno if it helps but the 4G at the yard is non-existent",
            "the 4G at the yard is non-existent",
        ),
        ("This might not be what you're after but the bus stopped", "the bus stopped"),
        ("Probably not what you're after, but we lost two fitters", "we lost two fitters"),
        (
            "Don't know if you need this but the halls we hire are falling apart",
            "the halls we hire are falling apart",
        ),
    ],
)
def test_a_leading_doubt_about_the_message_goes(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "not sure if this is relevant?",  # the doubt alone: left to the gate
        "Not sure it matters to us tbh",
        "not sure, maybe the new estates",  # a hedged guess, not a doubt about the message
        "It might help if the council fixed the road",  # a view that opens "it might help"
        "not sure what to say here really, next question please",
        "No idea, we make sandwiches.",
        # what the firm is, after the doubt, is often the whole reply: left to the gate
        "Not sure this applies to us, we're a charity shop in Chesham",
        "Not sure it applies to us. We're a joinery near Brill",
    ],
)
def test_a_doubt_with_nothing_after_it_or_a_view_stays(raw: str) -> None:
    assert clean(raw) == raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We can't recruit machinists, and the A41 is gridlocked every morning",
            ["We can't recruit machinists", "and the A41 is gridlocked every morning"],
        ),
        ("need apprentices + the A413 is a joke", ["need apprentices", "the A413 is a joke"]),
        ("Hello there", ["Hello there"]),
        ("skills and roads", ["skills and roads"]),  # too short to split
        (
            "We make rehab devices. Finding engineers is hard; also broadband is awful",
            ["We make rehab devices", "Finding engineers is hard", "also broadband is awful"],
        ),
        # a numbered list on one line: each item a clause, however short
        ("1) rent 2) finding machinists 3) the roads", ["rent", "finding machinists", "the roads"]),
        ("1. Rent\n2. Staff\n3. Roads", ["Rent", "Staff", "Roads"]),
        # a number ending a sentence is no list
        ("We employ 12. The roads are bad", ["We employ 12", "The roads are bad"]),
        # a posted "n" for "and" starts a clause as "and" does (set FB); "n/a" does not
        (
            "trial us as an nhs test bed n a follow on fund for medtech",
            ["trial us as an nhs test bed", "n a follow on fund for medtech"],
        ),
        ("n/a, we're a family butchers", ["n/a, we're a family butchers"]),
    ],
)
def test_segments(text: str, expected: list[str]) -> None:
    assert segments(text) == expected


def test_a_long_email_is_capped_at_a_few_segments() -> None:
    text = ". ".join(f"Sentence number {i} says something about topic {i}" for i in range(20))
    parts = segments(text)
    assert 1 < len(parts) <= 6
    assert " ".join(parts).count("Sentence number") == 20  # nothing dropped


def test_second_clause_theme_is_kept(trained_engine: object) -> None:
    """Class 1 of issue 8: two clauses, two themes; the weaker one is not drowned."""
    result = trained_engine.tag_many(
        [
            "We can't recruit experienced machinists for love nor money, and the A41 into "
            "Aylesbury is gridlocked every single morning"
        ]
    )[0]
    assert {"education_skills", "infrastructure"} <= set(result.themes)
    assert any(e.startswith("clause: ") for e in result.evidence["infrastructure"])


def test_a_hashtag_post_naming_an_asset_carries_it(trained_engine: object) -> None:
    """Class 2 of issue 8: a post that only names an asset."""
    for post, theme_id in (
        ("Silverstone Park 🏎️ #bucksLIS", "high_performance_technology"),
        ("HS2 🚧 #bucksLIS", "infrastructure"),
        ("#bucksLIS Westcott 🚀", "space"),
    ):
        assert theme_id in trained_engine.tag_many([post])[0].themes, post
