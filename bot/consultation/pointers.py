"""Replies that point somewhere the bot cannot follow: a website, a bare link, "see the
attached document", a voice note or a GIF ("[Voice message]"). Nothing there to note or
tag, so the business is asked for a sentence.

Split from asides.py (which answers messages about the chat itself); the same normaliser.
No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

# "see my website", "www.marlowboathire.co.uk", "it's all on our LinkedIn": the answer is
# somewhere the team would have to go and read; nothing here to note or tag
URL = re.compile(
    r"(https?://\S+|www\.\S+|\b[\w-]+(\.[\w-]+)*\.(co\.uk|org\.uk|ac\.uk|gov\.uk|com|org|net|"
    r"uk|io|biz|info)\b\S*)",
    re.IGNORECASE,
)
POINTER = re.compile(
    r"((please |just |you can |you could |go and |have a )*(see|check|look at|visit|read|look|"
    r"check out|take a look at|go to|google)( at)?|"
    r"(it'?s|its|it is|everything'?s|all|the answer'?s|details are)( all| everything)? "
    r"(on|in|at))? ?"
    r"(my|our|the|their|us on)? ?(website|web site|site|webpage|web page|page|linkedin|facebook|"
    r"instagram|twitter|blog|brochure|link|url|submission|report|response|email|"
    # "@btvlep its in my bio" at the name question on X (set AV kept it as the name)
    r"bio|profile|x profile|twitter bio|header|pinned (tweet|post)|feed|timeline)s?"
    r"( (here|above|below|then|for (that|details|more|info)))*( please| thanks| mate)*"
)


def points_elsewhere(text: Any) -> bool:
    """The whole reply points somewhere else ("see my website", a bare link): the bot
    can't open it, so it asks for a sentence; a view with a link in it is a view."""
    if not isinstance(text, str):
        return False
    rest = normalise(URL.sub(" ", without_addressees(text)))
    had_link = URL.search(text) is not None
    return (had_link and not rest) or (bool(rest) and POINTER.fullmatch(rest) is not None)


# "please see the attached document", "I've attached our response": nothing can be
# attached in a chat (the ninth set stored the pointer as the view)
ATTACHED = re.compile(
    r"\b((see|find|refer to|read|open|check)( the| our| my)? (attached|enclosed|attachment)|"
    r"(i'?ve|i have|we'?ve|we have|i|we)( just)? (attached|enclosed|uploaded)( (a|an|the|our|my))?"
    r" (document|doc|file|pdf|response|submission|letter|report|paper|spreadsheet|it|this)|"
    r"(attached|enclosed) (is|are|please find|you'?ll find)|(as|in) (the )?(attached|attachment))"
)
ATTACHED_MAX_WORDS = 20


def points_to_attachment(text: Any) -> bool:
    """A short reply that points to a file ("please see the attached document, it sets out
    our board's position"): asked for the main points instead."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return len(norm.split()) <= ATTACHED_MAX_WORDS and ATTACHED.search(norm) is not None


# "[Voice message]", "[GIF]", "<Media omitted>", "image omitted", "sent a photo": what chat
# apps show (and people copy) in place of media the bot never receives (the tenth set
# stored "[Voice message]" as a view and a GIF as the organisation's name). Bracketed or
# marked as omitted/sent only: "video" alone is a trade or an answer.
_MEDIA = (
    r"(voice (message|note|memo|clip|recording)|audio( message| clip| note| file)?|"
    r"gifs?|animated gif|image|images|photo|photos|picture|pic|sticker|video( message| clip)?|"
    r"media|attachment|file|document|location|contact card|live location)"
)
MEDIA = re.compile(
    rf"\s*(\W{{0,3}}\s*[\[<({{]\s*{_MEDIA}( omitted| attached| sent| message)?\s*[\]>)}}]|"
    rf"\W{{0,3}}\s*{_MEDIA} (omitted|attached)|"
    rf"(i |you |they )?(sent|shared) (you )?(a |an )?{_MEDIA}|"
    rf"[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s*{_MEDIA})[\s.!]*",
    re.IGNORECASE,
)


def media_only(text: Any) -> bool:
    """The whole message is a placeholder for media ("[Voice message]", "[GIF]",
    "<Media omitted>"): nothing typed to read, so nothing to keep."""
    return isinstance(text, str) and MEDIA.fullmatch(text) is not None


def pointer_reply(text: Any) -> str | None:
    """The message key to answer a reply that points elsewhere (a file, a website, a
    voice note), or None when the reply is an answer in itself."""
    if media_only(text):
        return "media"
    if points_to_attachment(text):
        return "attachments"
    return "points_elsewhere" if points_elsewhere(text) else None
