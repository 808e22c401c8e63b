"""Late and second subjects sets DA to DH of unseen conversations lost on their first run
(thirty-ninth session): a sentence that announces a new subject ("PS ...", "The other
thing, ...", "Lastly, ...") is scored as if it stood alone, and a few needs and views in
other words, each worded so that every labelled message so worded agrees."""

from __future__ import annotations

import numpy as np
import pytest

from bot.strategy import THEME_IDS
from bot.tagging.clauses import combine, uncertain
from bot.tagging.complaints import is_complaint
from bot.tagging.landmarks import only_a_place
from bot.tagging.needs import stated_needs
from bot.tagging.segments import new_subject_marks, segment_spans
from bot.tagging.stated_views import stated_views
from bot.tagging.training.defaults import DEFAULT_CONFIG


def marks(text: str) -> list[tuple[str, bool]]:
    spans = segment_spans(text)
    return [(text[a:b], m) for (a, b), m in zip(spans, new_subject_marks(text, spans), strict=True)]


@pytest.mark.parametrize(
    ("text", "late"),
    [
        (
            "Fitting days are murder and we lose a day a week in traffic. The other thing, and I "
            "say this as a driver, is the air on the Desborough Road at school time.",
            "is the air on the Desborough Road at school time",
        ),
        (
            "Every lender wants a personal guarantee. PS the only proper brewing course we could "
            "find was in Sunderland.",
            "PS the only proper brewing course we could find was in Sunderland",
        ),
        (
            "Empty shops could be workshops. Lastly, and it's a long shot, somewhere for "
            "freelancers to live.",
            "and it's a long shot, somewhere for freelancers to live",
        ),
        ("The rates are too high. Third, train more sparks locally.", "Third, train more sparks"),
    ],
)
def test_a_sentence_that_announces_a_new_subject_is_marked(text: str, late: str) -> None:
    marked = [clause for clause, m in marks(text) if m]
    assert any(late in clause or clause in late for clause in marked)
    assert not marks(text)[0][1]  # the first subject is not


@pytest.mark.parametrize(
    "text",
    [
        # "also" and "plus" as often carry the same subject on
        "The rent is too high. Also it keeps going up every year.",
        "Third time this month the 300 hasn't turned up. Buses out here are a joke.",
        "We make brake parts and can't find machinists",
    ],
)
def test_no_mark_without_such_words(text: str) -> None:
    assert not any(m for _, m in marks(text))


def scores(**by_theme: float) -> np.ndarray:
    row = np.zeros(len(THEME_IDS))
    for theme, value in by_theme.items():
        row[THEME_IDS.index(theme)] = value
    return row


def test_a_marked_clause_counts_as_if_it_stood_alone() -> None:
    whole = scores(entrepreneurialism=0.9, education_skills=0.05)
    first, late = scores(entrepreneurialism=0.9), scores(education_skills=0.69)
    P_all = np.vstack([whole, first, late])
    i = THEME_IDS.index("education_skills")
    plain, _ = combine(P_all, [["a", "b"]], 0.5)
    assert plain[0, i] == pytest.approx(0.37)  # halfway: under every threshold
    marked, _ = combine(P_all, [["a", "b"]], 0.5, np.array([False, True]), 1.0)
    assert marked[0, i] == pytest.approx(0.69)
    # a model saved without the key joins it as before
    same, _ = combine(P_all, [["a", "b"]], 0.5, np.array([False, True]), None)
    assert same[0, i] == pytest.approx(0.37)


def test_the_cascade_encodes_a_marked_clause_that_could_tag() -> None:
    whole = scores(education_skills=0.05)
    P_all = np.vstack([whole, scores(), scores(education_skills=0.4)])
    th = np.full(len(THEME_IDS), 0.45)
    config = {"segment_weight": 0.5, "clause_band": 0.15, "marked_clause_weight": 1.0}
    assert uncertain(P_all, None, [["a", "b"]], th, config).tolist() == [False, False]
    marked = np.array([False, True])
    assert uncertain(P_all, None, [["a", "b"]], th, config, marked).tolist() == [False, True]


def test_training_marks_late_subjects() -> None:
    assert DEFAULT_CONFIG["marked_clause_weight"] == 1.0


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("A small stock finance scheme, even one run through the LEP", "entrepreneurialism"),
        ("somewhere to build the things: we assemble devices in a spare room", "infrastructure"),
        ("we need a speech and language therapist on the team", "education_skills"),
    ],
)
def test_needs_in_other_words(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    ["we need a bigger van for the team", "somewhere to live would be nice", "the scheme is fine"],
)
def test_not_those_needs(clause: str) -> None:
    found = stated_needs([clause])
    assert "education_skills" not in found and "entrepreneurialism" not in found
    assert "infrastructure" not in found


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("the lane widened too, by whoever owns it", "infrastructure"),
        ("The road out to Westcott could do with sorting too", "infrastructure"),
        (
            "the neighbours complained about the smoke so we need an afterburner",
            "environment_quality_of_life",
        ),
        ("we reuse tesla battery modules so its clean growth too", "environment_quality_of_life"),
    ],
)
def test_views_in_other_words(clause: str, theme: str) -> None:
    assert theme in stated_views([clause])


def test_not_those_views() -> None:
    assert stated_views(["the neighbours are lovely", "we widened our range of cakes"]) == {}


@pytest.mark.parametrize(
    "text",
    [
        "bank wont lend",
        "no one will insure us",
        "the council won't answer emails",
        "they never answer",
    ],
)
def test_someone_else_who_wont_is_a_complaint(text: str) -> None:
    assert is_complaint(text.lower())


@pytest.mark.parametrize("text", ["i won't answer that", "we won't say", "i never answer surveys"])
def test_the_business_refusing_is_no_complaint(text: str) -> None:
    assert not is_complaint(text)


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        (
            "some kind of qualification for wrap fitters, at the moment theres nothing",
            "education_skills",
        ),
        ("nobody round here has the quality background to run it", "education_skills"),
        ("I can't find a coatings engineer who has done flight work before", "education_skills"),
        (
            "Our sparks leave for the studio's own department as soon as they've got their tickets",
            "education_skills",
        ),
        ("a green loan for solar panels so our coating isnt so carbon heavy", "entrepreneurialism"),
        ("the kitchen trucks are old & no lender wants a caterer", "entrepreneurialism"),
        ("we work from a spare room and have nowhere to film the exercises", "infrastructure"),
    ],
)
def test_needs_from_sets_de_to_dh(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("when the Met line is down they can't get here for pick-up", "infrastructure"),
        ("she couldn't buy anything near Aylesbury on her salary", "environment_quality_of_life"),
        ("so we can stop running diesel gennies all day", "environment_quality_of_life"),
    ],
)
def test_views_from_sets_de_to_dh(clause: str, theme: str) -> None:
    assert theme in stated_views([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "we hired a good engineer last year",  # found, not lacking
        "nobody minds the background noise",
        "the bank gave us a loan",
    ],
)
def test_not_needs_from_sets_de_to_dh(clause: str) -> None:
    assert stated_needs([clause]) == {}


def test_fields_lost_to_new_homes_are_housing_growth() -> None:
    clause = "we'd lose that walk if the field behind us goes for houses"
    assert "housing_growth" in stated_views([clause])
    assert "housing_growth" not in stated_views(["we walk the dogs in the field behind us"])


def test_the_hospital_that_sends_clients_home_is_a_place_not_the_island() -> None:
    text = "Stoke Mandeville sends people home on a Friday night with no notes"
    assert only_a_place(text) == {"medical_technologies"}
    # a spinal patient sent home is about the sector: the island stands
    assert only_a_place("Stoke Mandeville sends spinal patients home with our chairs") == set()
