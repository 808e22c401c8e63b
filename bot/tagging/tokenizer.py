"""spaCy's English tokenizer in plain Python, for the gazetteer's phrase matching.

Why: the served tagger used `spacy.blank("en")` only to split text into tokens for its
phrase matcher, and importing spaCy (thinc, confection, pydantic...) was 1.2-1.3 s of a
2.45 s cold load. This module runs the same algorithm as spaCy 3.4's Cython tokenizer
(`spacy/tokenizer.pyx`: whitespace runs, special cases, prefixes and suffixes peeled in
turn, URL match, infixes, then the special-case matcher's re-merge) over rules exported from
the installed spaCy into `tokenizer_en.json` (`bot.tagging.training.tokenizer_rules`).
`tests/tagging/test_tokenizer.py` checks the exported rules against the installed spaCy and
the tokens against spaCy's on every message of our data, so a difference fails a test
rather than silently moving a feature.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

RULES_PATH = Path(__file__).with_name("tokenizer_en.json")
V = TypeVar("V")
# the longest run with no space read as one span (a URL is shorter)
MAX_SPAN_CHARS = 200


@dataclass(frozen=True)
class Token:
    """One token: its text and character offsets in the input."""

    text: str
    start: int
    end: int


class PhraseIndex(Generic[V]):
    """Token sequences -> a value, found in a token list (all matches, overlaps included), as
    spaCy's PhraseMatcher finds them: indexed by first token, so a lookup per length that
    first token starts."""

    def __init__(self, phrases: dict[tuple[str, ...], V]) -> None:
        self.phrases = phrases
        self._lengths: dict[str, set[int]] = {}
        for phrase in phrases:
            self._lengths.setdefault(phrase[0], set()).add(len(phrase))

    def matches(self, words: list[str]) -> list[tuple[int, int, V]]:
        found = []
        for i, first in enumerate(words):
            for length in self._lengths.get(first, ()):
                if i + length > len(words):  # a shorter slice could spell a shorter phrase
                    continue
                value = self.phrases.get(tuple(words[i : i + length]))
                if value is not None:
                    found.append((i, i + length, value))
        return found


def longest_first(spans: list[tuple[int, int, V]]) -> list[tuple[int, int, V]]:
    """Non-overlapping (start, end, value) spans in text order, longest first then earliest,
    a span kept when its first and last tokens are free: `spacy.util.filter_spans`."""
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
        if span[0] not in taken and span[1] - 1 not in taken:
            kept.append(span)
            taken.update(range(span[0], span[1]))
    return sorted(kept, key=lambda m: m[0])


class Tokenizer:
    """spaCy's `Tokenizer.__call__` (affixes, special cases, infixes, URLs) over exported rules."""

    def __init__(self, rules: dict) -> None:
        self.specials: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in rules["special_cases"].items()
        }
        self._prefix: Callable = re.compile(rules["prefix"]).search
        self._suffix: Callable = re.compile(rules["suffix"]).search
        self._infix: Callable = re.compile(rules["infix"]).finditer
        self._url: Callable = re.compile(rules["url"]).match
        # The special-case matcher: special cases that affix rules would split are re-merged
        # after tokenizing (spaCy's `_apply_special_cases`), keyed by the pieces they split into.
        merges: dict[tuple[str, ...], str] = {}
        for string in self.specials:
            if (
                self._find_prefix(string)
                or self._find_suffix(string)
                or " " in string
                or (list(self._infix(string)))
            ):
                pieces = tuple(t for t, _ in self._tokenize_affixes(string, specials=False))
                merges.setdefault(pieces, string)
        self._merges = PhraseIndex(merges)
        # a word's pieces, as spaCy's cache: the same words recur in every message
        self._span_cache: dict[str, tuple[str, ...]] = {}

    def _find_prefix(self, string: str) -> int:
        match = self._prefix(string)
        return match.end() - match.start() if match is not None else 0

    def _find_suffix(self, string: str) -> int:
        match = self._suffix(string)
        return match.end() - match.start() if match is not None else 0

    def __call__(self, text: str) -> list[Token]:
        pieces = self._tokenize_affixes(text, specials=True)
        tokens = [Token(piece, start, start + len(piece)) for piece, start in pieces]
        return self._apply_special_cases(tokens, text)

    def _tokenize_affixes(self, text: str, specials: bool) -> list[tuple[str, int]]:
        """(token, start offset) per token: runs of non-space and of space, a single ' '
        between words dropped, as spaCy's `_tokenize_affixes`."""
        out: list[tuple[str, int]] = []
        if not text:
            return out
        start, in_ws = 0, text[0].isspace()
        for i, ch in enumerate(text):
            if ch.isspace() != in_ws:
                if start < i:
                    self._tokenize_span(text[start:i], start, out, specials)
                start = i + 1 if ch == " " else i
                in_ws = not in_ws
        if start < len(text):
            self._tokenize_span(text[start:], start, out, specials)
        return out

    def _tokenize_span(
        self, span: str, offset: int, out: list[tuple[str, int]], specials: bool
    ) -> None:
        if len(span) > MAX_SPAN_CHARS:
            # a run with no space that long is no word (12,000 emoji pasted in): the affix
            # search shortens it a character at a time, so it is read in pieces (X format
            # probe, 7 Dec: 14 s for one message)
            for at in range(0, len(span), MAX_SPAN_CHARS):
                self._tokenize_span(span[at : at + MAX_SPAN_CHARS], offset + at, out, specials)
            return
        if not specials:
            self._emit(self._split(span, specials=False), offset, out)
            return
        pieces = self._span_cache.get(span)
        if pieces is None:
            pieces = self._split(span, specials=True)
            if len(self._span_cache) < 100_000:
                self._span_cache[span] = pieces
        self._emit(pieces, offset, out)

    def _split(self, span: str, specials: bool) -> tuple[str, ...]:
        """One whitespace-free (or all-space) run's tokens."""
        if specials and span in self.specials:
            return self.specials[span]
        prefixes: list[str] = []
        suffixes: list[str] = []
        string = span
        last_size = 0
        while string and len(string) != last_size:  # spaCy's `_split_affixes`
            if specials and string in self.specials:
                break
            last_size = len(string)
            pre_len = self._find_prefix(string)
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and specials and minus_pre in self.specials:
                    string = minus_pre
                    prefixes.append(prefix)
                    break
            suf_len = self._find_suffix(string[pre_len:])
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and specials and minus_suf in self.specials:
                    string = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        middle: list[str] = []  # spaCy's `_attach_tokens`
        if string:
            if specials and string in self.specials:
                middle.extend(self.specials[string])
            elif self._url(string):
                middle.append(string)
            else:
                matches = list(self._infix(string))
                if not matches:
                    middle.append(string)
                else:
                    start = 0
                    for match in matches:
                        infix_start, infix_end = match.start(), match.end()
                        if infix_start == 0:
                            continue
                        if infix_start != start:
                            middle.append(string[start:infix_start])
                        if infix_start != infix_end:
                            middle.append(string[infix_start:infix_end])
                        start = infix_end
                    if string[start:]:
                        middle.append(string[start:])
        return (*prefixes, *middle, *reversed(suffixes))

    @staticmethod
    def _emit(pieces: list[str] | tuple[str, ...], offset: int, out: list[tuple[str, int]]) -> None:
        for piece in pieces:
            out.append((piece, offset))
            offset += len(piece)

    def _apply_special_cases(self, tokens: list[Token], text: str) -> list[Token]:
        """Re-merge token runs that spell a special case (spaCy's `_apply_special_cases`:
        matches by token text, longest first then earliest, kept only when their first and last
        tokens are not already taken, replaced only when the run's text equals the case)."""
        found = self._merges.matches([t.text for t in tokens])
        if not found:
            return tokens
        # longest first then earliest, as `longest_first`, but a span passed over still takes
        # its tokens (spaCy's `_filter_special_spans` differs from `filter_spans` so)
        found.sort(key=lambda m: (m[1] - m[0], -m[0]), reverse=True)
        seen: set[int] = set()
        kept: dict[int, tuple[int, int]] = {}
        for start, end, _ in found:
            if start not in seen and end - 1 not in seen:
                kept[start] = (start, end)
            seen.update(range(start, end))
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            if i not in kept:
                out.append(tokens[i])
                i += 1
                continue
            start, end = kept[i]
            span_text = text[tokens[start].start : tokens[end - 1].end]
            pieces = self.specials.get(span_text)
            if pieces is None:
                out.extend(tokens[start:end])
            else:
                at = tokens[start].start
                for piece in pieces:
                    out.append(Token(piece, at, at + len(piece)))
                    at += len(piece)
            i = end
        return out


@lru_cache(maxsize=1)
def english_tokenizer() -> Tokenizer:
    """The process-wide tokenizer, built once from `tokenizer_en.json`."""
    return Tokenizer(json.loads(RULES_PATH.read_text(encoding="utf-8")))
