"""Rasa's whitespace tokenizer, reading X-style messages as plain ones.

"@btvlep yes #bucksLIS" should mean what "yes" means: businesses write DMs and replies
with @mentions and the consultation's hashtag on every message, and those tokens pulled
NLU towards the FAQ about the LEP ("who is preparing this?") in the fifth set of unseen
conversations. @mentions and the configured hashtags are dropped from the tokens (the
text, and so what is stored, is unchanged); other hashtags are read as words ("#space"
-> "space"). A message of nothing else keeps its tokens.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class SocialTokenizer(WhitespaceTokenizer):
    """WhitespaceTokenizer without @mentions and the consultation's own hashtags."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**WhitespaceTokenizer.get_default_config(), "drop_hashtags": ["bucksLIS"]}

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        tokens = super().tokenize(message, attribute)
        if attribute != TEXT:
            return tokens
        return plain_tokens(tokens, self._config.get("drop_hashtags") or [])


def plain_tokens(tokens: list[Token], drop_hashtags: list[str]) -> list[Token]:
    """The tokens without @mentions and the dropped hashtags, other hashtags as words;
    all of them when nothing else would be left."""
    drop = {h.lstrip("#").lower() for h in drop_hashtags}
    kept: list[Token] = []
    for token in tokens:
        word = token.text
        if len(word) > 1 and word[0] == "@":
            continue
        if len(word) > 1 and word[0] == "#":
            if word[1:].lower() in drop:
                continue
            token = Token(word[1:], token.start + 1, token.end, token.data, token.lemma)
        kept.append(token)
    return kept or tokens
