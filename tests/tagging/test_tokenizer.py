"""The plain-Python tokenizer and phrase matcher give exactly what spaCy gave.

The served gazetteer stopped importing spaCy (`bot/tagging/tokenizer.py`); its matches feed
the classifier's features, so any difference would move a tag. These tests hold it to
spaCy's own output: the exported rules against the installed spaCy, then tokens and
gazetteer matches on every message of our data, the shared dev sets and random text.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from bot.strategy import THEME_IDS
from bot.tagging.gazetteer import Gazetteer, Hit, _entries
from bot.tagging.tokenizer import RULES_PATH, english_tokenizer
from bot.tagging.training._imports import import_spacy
from bot.tagging.training.tokenizer_rules import spacy_rules

ROOT = Path(__file__).resolve().parents[2]
TRICKY = [
    "can't find machinists",
    "HS2's delays",
    "e-bikes & e-scooters",
    "#skills #EastWestRail",
    ":) great",
    "a.m. meeting",
    "  double  space\n\nnew lines\t tab ",
    "U.K.-based firm",
    "(Pinewood)...",
    "www.bucks.gov.uk/lis?x=1",
    "Don't",
    "y'all",
    "10am-2pm",
    "£5m+ R&D",
    "5G.",
    "“quoted” it’s O'Neill",
    "3D-printed co-working",
    "St. Albans etc. e.g. HS2",
    "hi!!!",
    "A41/M40 w/ staff",
    "",
    " ",
    "Silverstone\u00a0Park",
    "ÉCOLE café-bar",
    "🙂 hi",
]


@pytest.fixture(scope="module")
def spacy_en() -> Any:
    return import_spacy().blank("en")


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    files = sorted((ROOT / "data" / "tagger").glob("*.jsonl"))
    files += sorted((ROOT.parent / "shared" / "themes").glob("*.jsonl"))
    texts = [
        row["text"]
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for row in [json.loads(line)]
        if isinstance(row, dict) and isinstance(row.get("text"), str)
    ]
    assert len(texts) > 5000
    return texts + TRICKY


def random_texts(n: int, seed: int = 7) -> list[str]:
    """Words, special cases (contractions, abbreviations, emoticons), pieces whose special
    cases overlap once split (":-)", "a.m.", "'s") and punctuation runs."""
    rng = random.Random(seed)
    specials = sorted(english_tokenizer().specials)
    overlapping = [":)", ":-)", "a.m.", "U.S.", "N.Y.", "Mr.", "'s", "...", "--", "(c)", "can't"]
    chars = "abcXYZ019 \n\t.,;:!?'\"()[]{}-–—/\\&#@%£$*+=_<>~`|…’‘“”🙂é"

    def part() -> str:
        r = rng.random()
        if r < 0.3:
            return rng.choice(specials)
        if r < 0.6:
            return "".join(rng.choice(chars) for _ in range(rng.randint(1, 6)))
        return rng.choice(overlapping)

    out = []
    for _ in range(n):
        parts = [part() for _ in range(rng.randint(1, 8))]
        out.append(rng.choice(["", " "]).join(parts))
    return out


def spacy_tokens(nlp: Any, text: str) -> list[tuple[str, int]]:
    return [(t.text, t.idx) for t in nlp.make_doc(text)]


def our_tokens(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.start) for t in english_tokenizer()(text)]


def test_the_exported_rules_are_the_installed_spacys() -> None:
    stored = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    assert stored == spacy_rules(), (
        "spaCy's tokenizer rules changed: run `python -m bot.tagging.training.tokenizer_rules`"
    )


def test_tokens_equal_spacys_on_every_message(spacy_en: Any, corpus: list[str]) -> None:
    differ = [t for t in corpus if spacy_tokens(spacy_en, t) != our_tokens(t)]
    assert differ == []


def test_tokens_equal_spacys_on_random_text(spacy_en: Any) -> None:
    differ = [t for t in random_texts(4000) if spacy_tokens(spacy_en, t) != our_tokens(t)]
    assert differ == []


def test_special_cases_split_and_merge_as_spacy() -> None:
    assert [t.text for t in english_tokenizer()("We can't, y'know :) at 9 a.m.")] == [
        "We",
        "ca",
        "n't",
        ",",
        "y'know",
        ":)",
        "at",
        "9",
        "a.m.",
    ]


class SpacyGazetteer:
    """The gazetteer as it was: spaCy's PhraseMatcher (attr LOWER) and filter_spans."""

    def __init__(self, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.info: dict[str, tuple[str, tuple[str, ...]]] = {}
        by_key: dict[str, list] = defaultdict(list)
        for kind, phrase, themes in _entries():
            key = f"{kind}|{'+'.join(themes)}"
            self.info[key] = (kind, themes)
            by_key[key].append(nlp.make_doc(phrase))
        for key, docs in by_key.items():
            self.matcher.add(key, docs)

    def hits(self, text: str) -> list[Hit]:
        from spacy.util import filter_spans

        doc = self.nlp.make_doc(text)
        rank = {"asset": 0, "keyword": 1, "place": 2}
        merged: dict[tuple[int, int], tuple[str, set[str]]] = {}
        for match_id, start, end in self.matcher(doc):
            kind, themes = self.info[self.nlp.vocab.strings[match_id]]
            held_kind, held = merged.get((start, end), (kind, set()))
            merged[(start, end)] = (
                kind if rank[kind] < rank[held_kind] else held_kind,
                held | set(themes),
            )
        order = {t: i for i, t in enumerate(THEME_IDS)}
        out = []
        for span in filter_spans([doc[s:e] for s, e in merged]):
            kind, themes = merged[(span.start, span.end)]
            ordered = tuple(sorted(themes, key=order.__getitem__))
            out.append(Hit(span.text, kind, ordered, span.start_char, span.end_char))
        return out


def test_gazetteer_matches_equal_spacys_phrase_matcher(spacy_en: Any, corpus: list[str]) -> None:
    ours, theirs = Gazetteer(), SpacyGazetteer(spacy_en)
    texts = corpus + random_texts(1000, seed=11)
    assert sum(len(theirs.hits(t)) for t in corpus) > 10_000  # the corpus exercises it
    differ = [t for t in texts if ours.hits(t) != theirs.hits(t)]
    assert differ == []


def test_gazetteer_finds_assets_keywords_and_places_case_blind() -> None:
    hits = Gazetteer().hits("PINEWOOD's studios near Aylesbury need e-bikes")
    assert [(h.text, h.kind) for h in hits] == [
        ("PINEWOOD", "asset"),
        ("studios", "keyword"),
        ("Aylesbury", "place"),
        ("e-bikes", "keyword"),
    ]
    assert hits[0].themes == ("creative_digital",) and hits[2].themes == ()
    assert (hits[3].start, hits[3].end) == (39, 46)


def test_a_run_with_no_space_past_a_word_is_read_in_pieces() -> None:
    """12,000 emoji with no space (X format probe): read in pieces of MAX_SPAN_CHARS, every
    character in some token, offsets in order; a URL-sized run is one span as spaCy reads it."""
    from bot.tagging.tokenizer import MAX_SPAN_CHARS

    text = "😀" * (3 * MAX_SPAN_CHARS + 7)
    tokens = english_tokenizer()(text)
    assert "".join(t.text for t in tokens) == text
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    url = "https://example.org/" + "a" * (MAX_SPAN_CHARS - 40)
    assert [t.text for t in english_tokenizer()(url)] == [url]
