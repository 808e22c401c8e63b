"""A message written as a letter, or wrapped in courtesies: "Dear Sir/Madam, ... Kind
regards, Margaret", "Thank you dear. It's Tilly's Tea Room", "That's lovely, thank you
dear". The answer is what sits inside: the salutation, the sign-off and the thanks are no
part of a name, a yes or a view.

Found by the fifteenth set of unseen conversations (conversation_probe_p.yml), written
by older or less confident users of the website widget: a letter that agreed to take
part fell back, a name inside a letter was kept with "Dear Sir or Madam" in front of it,
"Thank you dear." was kept as part of the name. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import acknowledgement_only, normalise

# "Dear Sir/Madam,", "Dear Sir or Madam", "To whom it may concern:", "Dear team", "Dear
# all": a letter's opening line, before anything it says
SALUTATION = re.compile(
    r"^\s*(dear\s+(sir\s*(/|or|and)\s*madam|madam\s*(/|or|and)\s*sir|sirs?|madam)\b"
    r"\s*[,:;.!\-–—]?\s*|"
    # "Dear team,", "Good morning." only with the comma or line break a letter puts after
    # them: "Dear Green Coffee" and "Good Day Cafe" are names
    r"(dear\s+(team|all|colleagues?|(mr|mrs|ms|miss|dr)\.?\s+\w+|\w+)|to whom it may concern|"
    r"good (morning|afternoon|evening|day))\s*([,:;.!\-–—]\s*|\n\s*))",
    re.IGNORECASE,
)
# "Yours faithfully, Margaret Hale", "Kind regards, Margaret", "Many thanks\nJohn": a
# letter's closing, with or without a name (one or two words), at the very end
CLOSINGS = (
    r"yours (faithfully|sincerely|truly)|(with )?(kind|best|warm|warmest) (regards|wishes)|"
    r"regards|best wishes|many thanks|thank you( very much)?|thanks( again)?|sincerely|"
    r"all the best|with thanks"
)
CLOSING = re.compile(
    rf"(^|[.!,;:\n]|\s[-–—])\s*({CLOSINGS})\s*[,.!\-–—]?\s*"
    r"(?P<name>[A-Z][a-z'-]+(\s+[A-Z][a-z'-]+)?)?[\s.!]*$",
    re.IGNORECASE,
)

# A letter's closing signed under every message (set EU: "...\n\nKind regards,\nMargaret
# Ashdown" on the widget, "... Regards, P. Lattimer" on X): the name with its initials,
# title or letters after it ("Dr J. Patel", "Margaret Ashdown FRICS"), capitalised as
# people sign, so "thanks, anyway" and "regards the roads" are no signature
_SIGNED_NAME = (
    r"(?-i:(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Dame)\.?\s+)?(?:[A-Z]\.\s*){0,3}"
    r"[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})"
)
# the closing on a line of its own, then nothing or a short block that opens with the name
# (title, firm, telephone on the lines after it)
CLOSING_LINE = re.compile(
    rf"\n[ \t]*({CLOSINGS}|cheers)[ \t]*[,.!]?[ \t]*(?P<block>(\n[^\n]*)*)$", re.IGNORECASE
)
SIGNED_BLOCK = re.compile(rf"^{_SIGNED_NAME}[ \t]*[,.]?$")
BLOCK_MAX_LINES = 6
BLOCK_MAX_CHARS = 80
# the closing after the last sentence of a one-line message, with the name ("Managing
# Director. Regards, P. Lattimer"), or a formal closing alone ("... in the spring. Kind
# regards.")
CLOSING_SIGNED = re.compile(
    rf"(?<=[.!?])[ \t]+({CLOSINGS}|cheers)[ \t]*,?[ \t]+{_SIGNED_NAME}[ \t]*[.!]?$",
    re.IGNORECASE,
)
FORMAL_CLOSING = re.compile(
    r"(?<=[.!?])[ \t]+((with )?(kind|best|warm|warmest) (regards|wishes)|regards|"
    r"yours (faithfully|sincerely|truly))[ \t]*[.!]?$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"\S@\S")


def without_closing(text: str) -> str:
    """The message without the closing a writer signs every message with ("Our firm is
    Ashdown Pryor LLP.\\n\\nKind regards,\\nMargaret Ashdown" -> "Our firm is Ashdown Pryor
    LLP."); unchanged when nothing else is said, or when the signature block holds an email
    address (the one the follow-up question may want)."""
    found = CLOSING_LINE.search(text)
    if found:
        block = [line.strip() for line in found["block"].split("\n") if line.strip()]
        signed = not block or (
            SIGNED_BLOCK.match(block[0]) is not None
            and len(block) <= BLOCK_MAX_LINES
            and all(len(line) <= BLOCK_MAX_CHARS for line in block)
        )
        if not signed or _ADDRESS.search(found["block"]):
            found = None
    found = found or CLOSING_SIGNED.search(text) or FORMAL_CLOSING.search(text)
    if found is None or not normalise(text[: found.start()]):
        return text
    return text[: found.start()].rstrip()


# "Thank you dear.", "Thanks love,", "Oh thank you so much!": thanks before the answer,
# ended by a full stop, comma or "-"
THANKS_FIRST = re.compile(
    r"^\s*((oh|ah|well|right|ok|okay)[,!]?\s+)?(thank you|thanks|thankyou|ta|cheers|lovely)"
    r"( (so|very) much| ever so much| kindly)?( (dear|dearie|love|luv|pet|duck|hun|hon|"
    r"sweetheart|darling|my dear))?\s*[.,!;:\-–—]+\s*",
    re.IGNORECASE,
)
# Words of warmth that add nothing to a yes or a thanks ("lovely, thank you dear")
ENDEARMENTS = re.compile(
    r"\b(my dear|dear|dearie|love|luv|pet|duck|ducky|hun|hon|sweetheart|darling|"
    # "Salamat po, God bless" (set EH: "didn't understand")
    r"(god )?bless( you)?)\b"
)


def without_letter(text: Any) -> Any:
    """The message without a letter's salutation and closing ("Dear Sir or Madam, our
    business is called Buckingham Wool Shop. Kind regards, Margaret" -> "our business is
    called Buckingham Wool Shop"); unchanged when it has neither or nothing would be left.
    """
    if not isinstance(text, str):
        return text
    body = SALUTATION.sub("", text, count=1) if SALUTATION.match(text) else text
    closing = CLOSING.search(body)
    if closing and closing.start() > 0:
        body = body[: closing.start()]
    body = body.strip(" \t\n,;:-–—")
    return body if normalise(body) else text


def without_thanks_first(text: Any) -> Any:
    """The answer after the thanks that opens it ("Thank you dear. It's Tilly's Tea Room"
    -> "It's Tilly's Tea Room"); unchanged when nothing follows the thanks."""
    if not isinstance(text, str):
        return text
    match = THANKS_FIRST.match(text)
    rest = text[match.end() :].strip() if match else ""
    return rest if normalise(rest) else text


def unwrapped(text: Any) -> Any:
    """The answer inside a letter and its courtesies: salutation, closing and opening
    thanks all dropped."""
    return without_thanks_first(without_letter(text))


def without_endearments(text: Any) -> Any:
    """ "That's lovely, thank you dear" -> "that's lovely thank you": the warmth dropped so
    a yes or a thanks reads as one (normalised; unchanged when nothing else is left)."""
    if not isinstance(text, str):
        return text
    norm = normalise(text)
    kept = " ".join(ENDEARMENTS.sub(" ", norm).split())
    return kept or text


def thanks_only(text: Any) -> bool:
    """Thanks or approval and nothing else, warmth included ("lovely, thanks ever so
    much", "that's grand, thank you dear"): at the play-back, the themes are kept."""
    if not isinstance(text, str):
        return False
    kept = re.sub(
        r"\b(that'?s|thats|it'?s|its|all|looks?|very|really|oh)\b",
        " ",
        str(without_endearments(text)),
    )
    return bool(kept.split()) and acknowledgement_only(kept)
