"""Someone taking part for a business they do not own: "Dave asked me to do this, he's on
site", "hi typing this for my dad, hes not on twitter. he fixes tractors and farm kit", "I'm
a bookkeeper and one of my clients has asked me to fill this in for them. Is that allowed?",
"I'm the local rep for a group of holiday let owners - can I answer for our members?", "I'm
a franchisee, so the brand isn't mine but the business is. Can I still do this?".

Found by set CB of unseen conversations (conversation_probe_cb.yml): such an introduction
before consent was kept as a view ("I've noted what you said at the start as part of your
answers") and its questions were told what the strategy focuses on. It is answered: yes,
answer for the business, with its details rather than your own. Nothing is stored. Only a
short message that says who is typing for whom and names no subject of its own (the tagger
finds no theme in it), so "my dad says the lane floods every winter" stays a view. No Rasa
imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.subject import names_a_subject
from bot.consultation.x_style import without_addressees

MAX_WORDS = 45

# whose business it is: the person or people the typist answers for
_WHOSE = (
    r"(my|our|his|her|their|the|a|one of (my|our)) ?([a-z'-]+ ){0,2}?(boss|dad|father|mum|"
    r"mother|mom|parents?|husband|wife|partner|brother|sister|son|daughter|family|uncle|aunt|"
    r"grand(dad|pa|ma|mother|father)|clients?|customers?|members|employer|owner|md|ceo|"
    r"directors?|partners|company|firm|business|practice|store|shop|branch|depot|franchise|"
    r"association|group)"
)
ON_BEHALF = re.compile(
    r"\bon behalf of\b|"
    # "typing this for my dad", "filling it in for them", "doing this for the boss"
    r"\b(typing|doing|filling|answering|completing|writing|responding|replying|answer|fill|do)"
    rf"( (this|it|these|this one))?( in| out)? for (them|him|her|{_WHOSE})\b|"
    # "Dave asked me to do this", "the partners asked me to collate their views"
    r"\b(asked|asks|wants|wanted|told|got|roped in|has asked|have asked|'s asked|'ve asked) "
    r"(me|us) (to )?(do|fill|answer|complete|collate|put|respond|reply|type|handle|deal with|"
    r"pass on|send)\b|"
    # "I'll check bits with my business partner as we go"
    r"\b(i'?ll|i will|ill|i'?m going to|gonna|will) (check|run|ask)( (bits|things|it|some "
    r"bits|stuff|answers|some things))? (with|by|past) (my|our|the) (business partner|partner|"
    r"co ?founder|cofounder|boss|colleague|other half|wife|husband|dad|mum)\b|"
    # "I'm a franchisee, so the brand isn't mine", "one of two cofounders"
    r"\b(i'?m|im|i am) (a|the) franchisee\b|\bthe brand (isn'?t|is not) (mine|ours)\b|"
    r"\b(i'?m|im|i am) one of (two|three|the) (co ?founders|cofounders|partners|directors)\b|"
    # "the brand isn't mine", "it's my dad's business", "he's not on twitter"
    r"\b(it'?s|its|it is) (my|our) ([a-z]+ )?(dad|mum|father|mother|boss|husband|wife|"
    r"parents|family|client)'?s (business|firm|company|farm|garage|shop)\b|"
    r"\b(he|she)'?s (not|never) on (twitter|x|here|the internet|social media|computers)\b"
)


def for_someone_else(text: Any) -> bool:
    """A short message that says the typist answers for a business they do not own, and
    names no subject of its own."""
    if not isinstance(text, str):
        return False
    plain = without_addressees(text)
    norm = normalise(plain)
    if not norm or len(norm.split()) > MAX_WORDS or ON_BEHALF.search(norm) is None:
        return False
    return not names_a_subject(plain)
