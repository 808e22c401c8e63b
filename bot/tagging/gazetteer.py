"""Gazetteer: named assets, places and theme keywords, matched with spaCy's PhraseMatcher.

Three kinds of entry:
- ASSETS: named assets (studios, circuits, test sites, hospitals, universities, rail and
  road projects) with the theme(s) they usually signal. Seeded from `seeds/themes.yml`
  (via `bot.strategy`) and extended here.
- PLACES: towns and villages of the county and neighbours. A place alone carries no theme;
  it is reported as evidence context and used as a feature.
- KEYWORDS: sector and topic words per theme (the keyword baseline).

Matching is case-insensitive on the token's lower form; simple plurals are added automatically.
The matcher output is used three ways: the keyword baseline (`KeywordTagger`), features for
the trained classifier, and evidence spans.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.strategy import THEME_IDS, load_themes
from bot.tagging.vocabulary import wider_keywords

if TYPE_CHECKING:  # spaCy is imported lazily at run time
    from spacy.tokens import Doc

TERMS_PATH = Path(__file__).with_name("gazetteer.yml")


def _load_terms(
    path: Path = TERMS_PATH,
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The gazetteer's own assets, places and keywords (`gazetteer.yml`: data, so the lists
    can be extended without reading code). A theme id outside GUIDE.md's twelve is an
    error here, not a silently dead entry."""
    import yaml

    data = yaml.load(
        path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    assets = {str(k): tuple(v) for k, v in data["assets"].items()}
    places = tuple(str(p) for p in data["places"])
    keywords = {str(k): tuple(str(w) for w in v) for k, v in data["keywords"].items()}
    used = {t for themes in assets.values() for t in themes} | set(keywords)
    unknown = sorted(used - set(THEME_IDS))
    if unknown:
        raise ValueError(f"{path.name}: unknown theme id(s) {', '.join(unknown)}")
    return assets, places, keywords


# Named assets -> the theme(s) a mention usually signals; towns and villages (context, no
# theme by themselves); sector and topic keywords per theme.
ASSETS, PLACES, KEYWORDS = _load_terms()


@dataclass(frozen=True)
class Hit:
    """One gazetteer match: the matched text, its kind and the theme(s) it signals."""

    text: str
    kind: str  # "asset", "place" or "keyword"
    themes: tuple[str, ...]
    start: int
    end: int


def _variants(phrase: str) -> list[str]:
    """The phrase plus a naive plural of its last word, e.g. 'charge point' -> 'charge points'."""
    out = [phrase]
    if phrase[-1:].isalpha() and phrase.lower() == phrase and not phrase.endswith("s"):
        out.append(phrase + ("es" if phrase.endswith(("x", "ch", "sh")) else "s"))
    return out


def _entries() -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, phrase, themes) for every gazetteer entry, assets from the seeds included."""
    entries: dict[tuple[str, str], tuple[str, set[str]]] = {}

    def add(kind: str, phrase: str, themes: tuple[str, ...]) -> None:
        key = (kind, phrase.lower())
        held = entries.setdefault(key, (phrase, set()))
        held[1].update(themes)

    for t in load_themes():
        for asset in t.assets:
            add("asset", asset, ())
    for phrase, themes in ASSETS.items():
        add("asset", phrase, themes)
    for place in PLACES:
        add("place", place, ())
    for theme_id, words in [*KEYWORDS.items(), *wider_keywords().items()]:
        for word in words:
            for variant in _variants(word):
                add("keyword", variant, (theme_id,))
    order = {t: i for i, t in enumerate(THEME_IDS)}
    return [
        (kind, phrase, tuple(sorted(themes, key=order.__getitem__)))
        for (kind, _), (phrase, themes) in sorted(entries.items())
    ]


class Gazetteer:
    """PhraseMatcher over assets, places and keywords (lower-case matching)."""

    def __init__(self) -> None:
        from bot.tagging._imports import import_spacy

        spacy = import_spacy()
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._info: dict[str, tuple[str, tuple[str, ...]]] = {}
        by_key: dict[str, list] = defaultdict(list)
        for kind, phrase, themes in _entries():
            key = f"{kind}|{'+'.join(themes)}"
            self._info[key] = (kind, themes)
            by_key[key].append(self.nlp.make_doc(phrase))
        for key, docs in by_key.items():
            self.matcher.add(key, docs)

    def hits(self, doc_or_text: Doc | str) -> list[Hit]:
        """Longest non-overlapping matches, in text order (assets win over keywords/places)."""
        from spacy.util import filter_spans

        doc = doc_or_text if not isinstance(doc_or_text, str) else self.nlp.make_doc(doc_or_text)
        merged: dict[tuple[int, int], tuple[str, set[str]]] = {}
        rank = {"asset": 0, "keyword": 1, "place": 2}
        for match_id, start, end in self.matcher(doc):
            kind, themes = self._info[self.nlp.vocab.strings[match_id]]
            held_kind, held_themes = merged.get((start, end), (kind, set()))
            best = kind if rank[kind] < rank[held_kind] else held_kind
            merged[(start, end)] = (best, held_themes | set(themes))
        spans = filter_spans([doc[s:e] for s, e in merged])
        order = {t: i for i, t in enumerate(THEME_IDS)}
        out: list[Hit] = []
        for span in sorted(spans, key=lambda s: s.start):
            kind, span_themes = merged[(span.start, span.end)]
            ordered = tuple(sorted(span_themes, key=order.__getitem__))
            out.append(Hit(span.text, kind, ordered, span.start_char, span.end_char))
        return out

    def theme_hits(self, text: str) -> dict[str, list[str]]:
        """Matched phrases per theme id (only themes with at least one hit)."""
        found: dict[str, list[str]] = {}
        for hit in self.hits(text):
            for theme_id in hit.themes:
                phrases = found.setdefault(theme_id, [])
                if hit.text not in phrases:
                    phrases.append(hit.text)
        return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once)."""
    return Gazetteer()
