"""Training data: valid labels, enough variety, and no overlap with the checking sets."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bot.strategy import THEME_IDS
from bot.tagging.training import data as tagdata
from tests.tagging.conftest import near_duplicates

# Our second held-out set: ~150 general business messages (direct, indirect, multi-theme and
# no-theme) written before the training data was studied; never trained on.
HELDOUT_GENERAL_PATH = tagdata.HELDOUT_GENERAL_PATH
HELDOUT_PATHS = (
    tagdata.HELDOUT_PATH,
    HELDOUT_GENERAL_PATH,
    tagdata.HELDOUT_MIXED_PATH,
)


def test_every_train_file_is_training_data() -> None:
    """train-vocab.jsonl, train-context.jsonl... are read without being listed anywhere."""
    assert set(tagdata.TRAIN_PATHS) == set(tagdata.DATA_DIR.glob("train*.jsonl"))
    assert tagdata.TRAIN_PATHS[0] == tagdata.TRAIN_PATH
    assert len(tagdata.load_train()) == sum(len(tagdata.load(p)) for p in tagdata.TRAIN_PATHS)


def test_training_data_is_valid_and_varied() -> None:
    train = tagdata.load_train()
    assert len(train) >= 600
    assert len({tagdata.normalise(e.text) or e.text for e in train}) == len(train), "duplicates"
    counts = Counter(t for e in train for t in e.themes)
    assert set(counts) == set(THEME_IDS)
    assert min(counts.values()) >= 40
    assert sum(1 for e in train if not e.themes) >= 100
    assert sum(1 for e in train if len(e.themes) > 1) >= 80
    assert sum(1 for e in train if "#bucksLIS" in e.text) >= 10


@pytest.mark.parametrize("path", HELDOUT_PATHS, ids=lambda p: p.stem)
def test_heldout_set_is_separate_and_big_enough(path) -> None:  # noqa: ANN001
    heldout = tagdata.load(path)
    assert len(heldout) >= 60
    assert len({tagdata.normalise(e.text) or e.text for e in heldout}) == len(heldout)
    assert near_duplicates(heldout, tagdata.load_train()) == []


def test_unseen_checks_stay_apart_from_training_and_checking_sets() -> None:
    """The unseen checks (benchmarks/data) are only scored: nothing trained or checked on is
    near them, the answer head's training answers included, nor are they near each other."""
    from bot.tagging.training.answers import load_answers

    unseen = [e for p in tagdata.unseen_sets().values() for e in tagdata.load(p)]
    assert len(unseen) >= 200
    checked = [e for p in tagdata.checking_sets().values() for e in tagdata.load(p)]
    answers = [tagdata.Example(a.id, a.text, ()) for a in load_answers()]
    assert near_duplicates(unseen, tagdata.load_train() + checked + answers) == []
    sets = [tagdata.load(p) for p in tagdata.unseen_sets().values()]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            assert near_duplicates(a, b) == []


def test_heldout_sets_do_not_overlap_each_other() -> None:
    sets = [tagdata.load(p) for p in HELDOUT_PATHS]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            assert near_duplicates(a, b) == []


def test_unseen_checks_are_what_issue_8_asks_for() -> None:
    """The sets never trained on and never read: >= 300 messages, >= 40% touching two or three
    themes, >= 15% no theme (after greetings and process questions the same as a training
    message were left out), every theme on >= 20, website answers, X posts and DMs."""
    rows = [e for p in tagdata.unseen_sets().values() for e in tagdata.load(p)]
    assert len(rows) >= 300
    assert sum(1 for e in rows if len(e.themes) >= 2) >= 0.40 * len(rows)
    assert sum(1 for e in rows if not e.themes) >= 0.15 * len(rows)
    counts = Counter(t for e in rows for t in e.themes)
    assert set(counts) == set(THEME_IDS) and min(counts.values()) >= 20
    assert sum(1 for e in rows if e.question_key) >= 30
    channels = Counter(
        json.loads(line)["channel"]
        for p in tagdata.unseen_sets().values()
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    assert set(channels) == {"widget", "x_post", "x_dm"}


def test_read_checking_sets_are_trained_on_and_never_checked_on() -> None:
    """A set whose errors were read (A to Z) is training data, not a check: it is among the
    training files and not among the checking sets or the unseen checks."""
    assert tagdata.READ_CHECKING_PATHS
    assert set(tagdata.READ_CHECKING_PATHS) <= set(tagdata.TRAIN_PATHS)
    checks = {*tagdata.checking_sets().values(), *tagdata.unseen_sets().values()}
    assert not checks & set(tagdata.READ_CHECKING_PATHS)


def test_heldout_general_covers_every_theme_and_no_theme() -> None:
    heldout = tagdata.load(HELDOUT_GENERAL_PATH)
    counts = Counter(t for e in heldout for t in e.themes)
    assert set(counts) == set(THEME_IDS)
    assert min(counts.values()) >= 8
    assert sum(1 for e in heldout if not e.themes) >= 0.15 * len(heldout)


@pytest.mark.parametrize(
    "path", [tagdata.DEV_PATH, tagdata.DEV_INDIRECT_PATH], ids=["dev", "dev-indirect"]
)
def test_no_overlap_with_shared_checking_sets(path) -> None:  # noqa: ANN001
    if not path.exists():
        pytest.skip(f"{path} not present")
    checking = tagdata.load(path)
    for own in (*tagdata.TRAIN_PATHS, *HELDOUT_PATHS):
        assert near_duplicates(tagdata.load(own), checking) == []
