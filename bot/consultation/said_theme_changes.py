"""Theme changes said at the play-back in other words: a yes with a condition ("Yes that's
right, as long as number 3 goes under creative as well, it's costume for film") and an
answer said to be about another theme ("That last one's about housing really, not
environment. Can you change it?").

Found by set GA of unseen conversations (owners putting things right at the play-back):
both were asked "Which themes should I add or drop?" though they had said, and the yes with a
condition was then asked for again. The condition is carried out and the yes stands; the
answer pointed at gains the theme it is said to be about and loses the one denied. Anything
else (a plain yes, a change said with "add" or "drop") is read as before. No Rasa imports;
the change is stored through `service`.
"""

from __future__ import annotations

import re

from bot.consultation import service
from bot.consultation.playback_replies import EXPLICIT_CHANGE, confirms
from bot.consultation.questions import named_themes, parse_correction
from bot.consultation.replies import says_yes
from bot.consultation.spelling import fix_theme_typos
from bot.consultation.theme_corrections import (
    correction_reply,
    item_changes,
    item_changes_reply,
    plan,
    pointed_item,
)
from bot.consultation.x_style import without_addressees, without_own_tags

# "Yes that's right, as long as <change>", "yep fine, provided <change>": a short yes, then
# the condition up to the end of its clause (what follows it is why)
CONDITIONAL_YES = re.compile(
    r"^\W*(?P<yes>[^,.;:!?]{1,40}?)\s*[,.;:!-]*\s*(?:but\s+)?"
    r"(?:as long as|so long as|provided(?: that)?|providing(?: that)?|on condition(?: that)?|"
    r"only if|just so long as)\s+(?P<change>[^,.;!?]+)",
    re.IGNORECASE,
)
# "That last one's about housing really, not environment": an answer pointed at, the theme it
# is about, and the one it is not
_THEME_WORDS = r"[a-z&' -]{2,40}?"
ABOUT_ANOTHER = re.compile(
    r"\b(?:one|answer|bit|point|item|number \d{1,2}|no \d{1,2})(?:'?s| is| was)\s+"
    r"(?:(?:really|mainly|mostly|more|actually|all)\s+)*(?:about|to do with|under)\s+"
    rf"(?P<new>{_THEME_WORDS})(?:\s+(?:really|mainly|mostly|if anything))?\s*,?\s+"
    rf"(?:and\s+)?(?:not|rather than|instead of)\s+(?P<old>{_THEME_WORDS})"
    r"(?=$|[,.;!?]| so | as | because )",
    re.IGNORECASE,
)
SIDE_MAX_WORDS = 4  # "housing", "our software": a theme, not a sentence


def _plain(text: str) -> str:
    """Lower case with its stops kept (`normalise` drops them, and they end the theme)."""
    said = without_own_tags(without_addressees(text)).lower().replace("’", "'")
    return " ".join(said.split())


def condition_on_yes(text: str) -> str | None:
    """The theme change a yes is given on condition of ("number 3 goes under creative as
    well"), or None when the message is no such yes or its condition changes no theme."""
    match = CONDITIONAL_YES.match(" ".join(without_addressees(text).split()))
    if match is None or not (confirms(match["yes"]) or says_yes(match["yes"])):
        return None
    change = match["change"].strip()
    return change if any(parse_correction(fix_theme_typos(change))) else None


def apply_condition(sender_id: str, text: str) -> str | None:
    """Carry out the theme change a yes is given on condition of; the reply to send, or None
    when the message is no such yes (then it is read as before)."""
    change = condition_on_yes(text)
    if change is None:
        return None
    answers = service.recorded_answers(sender_id)
    fixed = fix_theme_typos(change)
    # "as long as number 3 goes under creative as well": that answer
    parts = item_changes(fixed, len(answers))
    if parts:
        for part in parts:
            for n in part.items:
                service.correct_themes(sender_id, add=part.add, remove=part.remove, item=n)
        return item_changes_reply(parts, len(answers))
    add, remove = parse_correction(fixed)  # "as long as you add skills": as a change is
    return _changed(sender_id, add, remove, pointed_item(fixed, len(answers)))


def about_another_theme(text: str, count: int) -> tuple[int, list[str], list[str]] | None:
    """(answer, themes added, themes dropped) when a message says an answer it points at is
    about another theme ("That last one's about housing really, not environment"); None for
    anything else, a change said with its own verb ("take infrastructure off") included."""
    plain = _plain(text)
    match = ABOUT_ANOTHER.search(plain)
    if match is None or EXPLICIT_CHANGE.search(match.string[match.end() :]):
        return None
    new, old = match["new"].strip(), match["old"].strip()
    if max(len(new.split()), len(old.split())) > SIDE_MAX_WORDS:
        return None
    add, remove = named_themes(fix_theme_typos(new)), named_themes(fix_theme_typos(old))
    item = pointed_item(plain[: match.end()], count)
    if not add or not remove or item is None or set(add) & set(remove):
        return None
    return item, add, remove


def rethemed_answer(sender_id: str, text: str) -> str | None:
    """Put the theme right on the answer a message says is about another theme; the reply
    to send, or None when the message says no such thing (most messages: no answers read)."""
    if ABOUT_ANOTHER.search(_plain(text)) is None:
        return None
    answers = service.recorded_answers(sender_id)
    said = about_another_theme(text, len(answers))
    if said is None:
        return None
    item, add, remove = said
    return _changed(sender_id, add, remove, item)


def _changed(sender_id: str, add: list[str], remove: list[str], item: int | None) -> str | None:
    if not (add or remove):
        return None
    change = plan(service.recorded_answers(sender_id), add, remove, item)
    service.correct_themes(sender_id, add=change.add, remove=change.remove, item=item)
    return correction_reply(change, item)
