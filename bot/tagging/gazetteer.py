"""Gazetteer: named assets, places and theme keywords, matched phrase by phrase on tokens.

Three kinds of entry:
- ASSETS: named assets (studios, circuits, test sites, hospitals, universities, rail and
  road projects) with the theme(s) they usually signal. Seeded from `seeds/themes.yml`
  (via `bot.strategy`) and extended here.
- PLACES: towns and villages of the county and neighbours. A place alone carries no theme;
  it is reported as evidence context and used as a feature.
- KEYWORDS: sector and topic words per theme (the keyword baseline).

Matching is case-insensitive on the token's lower form, as spaCy's `PhraseMatcher(attr="LOWER")`
over `spacy.blank("en")` did, with spaCy's English tokenization run without spaCy
(`tokenizer.py`: importing spaCy was half the served tagger's cold load); simple plurals are
added automatically.
The matcher output is used three ways: the keyword baseline (`KeywordTagger`), features for
the trained classifier, and evidence spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.strategy import THEME_IDS, load_themes
from bot.tagging.tokenizer import PhraseIndex, english_tokenizer, longest_first
from bot.tagging.vocabulary import wider_keywords

TERMS_PATH = Path(__file__).with_name("gazetteer.yml")


Terms = dict[str, tuple[str, ...]]


def _load_terms(path: Path = TERMS_PATH) -> tuple[Terms, tuple[str, ...], Terms, Terms]:
    """The gazetteer's own assets, places, keywords and names that count only alone
    (`gazetteer.yml`: data, so the lists can be extended without reading code). A theme id
    outside GUIDE.md's twelve is an error here, not a silently dead entry."""
    import yaml

    data = yaml.load(
        path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    assets = {str(k): tuple(v) for k, v in data["assets"].items()}
    places = tuple(str(p) for p in data["places"])
    keywords = {str(k): tuple(str(w) for w in v) for k, v in data["keywords"].items()}
    alone = {str(k).lower(): tuple(v) for k, v in (data.get("alone") or {}).items()}
    used = {t for themes in [*assets.values(), *alone.values()] for t in themes} | set(keywords)
    unknown = sorted(used - set(THEME_IDS))
    if unknown:
        raise ValueError(f"{path.name}: unknown theme id(s) {', '.join(unknown)}")
    return assets, places, keywords, alone


# Named assets -> the theme(s) a mention usually signals; towns and villages (context, no
# theme by themselves); sector and topic keywords per theme; lower-case abbreviations that
# carry a theme only in a reply that is nothing else (`features.named_outright`), never
# matched as features.
ASSETS, PLACES, KEYWORDS, ALONE = _load_terms()


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


def _hyphen_variant(phrase: str) -> str | None:
    """The phrase written the other way: its words joined by hyphens ("carbon-fibre
    offcuts" is "carbon fibre", not "carbon" and "fibre", two wrong themes), or its hyphens
    as spaces ("grow on space"). None for one word or other punctuation."""
    if "-" in phrase:
        spaced = " ".join(phrase.replace("-", " ").split())
        return spaced if " " in spaced else None
    words = phrase.split()
    if len(words) < 2 or not all(w.isalnum() for w in words):
        return None
    return "-".join(words)


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
    for (entry_kind, _), (entry_phrase, entry_themes) in list(entries.items()):
        other = _hyphen_variant(entry_phrase)
        if other and (entry_kind, other.lower()) not in entries:  # a phrase of its own wins
            entries[(entry_kind, other.lower())] = (other, set(entry_themes))
    return [
        (kind, phrase, tuple(sorted(themes, key=_THEME_ORDER.__getitem__)))
        for (kind, _), (phrase, themes) in sorted(entries.items())
    ]


class Gazetteer:
    """Every phrase's lower-case tokens -> its entry; longest non-overlapping matches win."""

    def __init__(self) -> None:
        self.tokenize = english_tokenizer()
        # lower-case token tuple -> (kind, themes); the same tuple from several entries (an
        # asset that is also a keyword) keeps every theme and the highest-ranked kind
        phrases: dict[tuple[str, ...], tuple[str, set[str]]] = {}
        for kind, phrase, themes in _entries():
            key = tuple(t.text.lower() for t in self.tokenize(phrase))
            held_kind, held_themes = phrases.get(key, (kind, set()))
            best = kind if _RANK[kind] < _RANK[held_kind] else held_kind
            phrases[key] = (best, held_themes | set(themes))
        self._index = PhraseIndex(phrases)

    def hits(self, text: str) -> list[Hit]:
        """Longest non-overlapping matches, in text order (assets win over keywords/places)."""
        tokens = self.tokenize(text)
        found = self._index.matches([t.text.lower() for t in tokens])
        out: list[Hit] = []
        for start, end, (kind, themes) in longest_first(found):
            ordered = tuple(sorted(themes, key=_THEME_ORDER.__getitem__))
            first_char, last_char = tokens[start].start, tokens[end - 1].end
            out.append(Hit(text[first_char:last_char], kind, ordered, first_char, last_char))
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


_RANK = {"asset": 0, "keyword": 1, "place": 2}
_THEME_ORDER = {t: i for i, t in enumerate(THEME_IDS)}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once)."""
    return Gazetteer()
