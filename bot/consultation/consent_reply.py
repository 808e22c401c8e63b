"""A reply to the consent question that agrees in words NLU does not place: a yes with a
condition ("ok but keep it quick", "sure, as long as my name isn't used"), a yes in
another language ("oui d'accord", "si claro", "ja gerne", "tak"), or permission to start
("oh go on then, one more thing to add").

Found by the sixth set of unseen conversations: NLU read the first as "hold" and the
second as a view, so the business was asked again (or told its view could not be noted
yet) instead of starting. A yes that puts the consultation off ("ok but not now",
"yes but later") or asks something back is not agreement. After a decline only the
permission to start counts ("fine. go on then"): "ok" there acknowledges the decline.
No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import looks_like_question, normalise, whole

# Yes in English and in the languages local businesses greet the bot in (accents are
# dropped by `normalise`: "sí" -> "si", "d’accord" -> "d'accord").
YES_WORDS = (
    r"yes|yeah|yep|yup|ya|yeh|aye|ok|okay|okey|sure|fine|alright|all right|go on|go ahead|"
    r"go for it|why not|happy to|of course|cool|oui|d'accord|bien sur|volontiers|si|claro|"
    r"vale|por supuesto|ja|gerne|naturlich|tak|jasne|dobrze|sim|com certeza|da|haan|ji|"
    r"evet|tamam|naam|iawn|wrth gwrs"
)
# Words that add nothing to a yes ("ok then", "oui merci")
FILLER = r"then|please|thanks|merci|gracias|danke|dziekuje|obrigado|diolch|mate|fine|sure"
FOREIGN_YES = re.compile(rf"(({YES_WORDS})( |$))+(({FILLER})( |$))*")
CONDITIONAL_YES = re.compile(
    rf"^(({YES_WORDS}) )+(({FILLER}) )*(but|as long as|so long as|provided|providing|"
    rf"if|only if|on condition)\b"
)
# A condition that puts the consultation off, or refuses: not agreement
PUT_OFF = re.compile(
    r"\b(later|not now|not right now|another time|some other time|tomorrow|next week|not today|"
    r"no time|(can'?t|cannot) (do|make) it|don'?t want|not interested|rather not|no thanks)\b"
)


# "fine. go on then", "oh go on then, one more thing to add": permission to start, which
# also changes a decline ("oh great, another council survey" read as one) into taking part
GO_AHEAD = re.compile(
    r"((oh|ah|well|right|fine|ok|okay|alright|ugh|sigh|yeah|yes|yep|sure|then) )*"
    r"(go on|go ahead|ask away|fire away|crack on|"
    r"let'?s (do it|go|get it over with|get on with it)|"
    r"(i'?ll|i will) do it|(i'?ll|i will) take part|count me in|i'?m in|"
    # grudging ("oh great, more consultation" then "suppose so", the twelfth set)
    r"(i )?suppose( so)?|(i )?guess so|if (i|we) must|if you (must|insist)|might as well)"
    r"( then| please| mate| ask away| fire away)*"
    r"( (one more thing|one thing|something|a few things|plenty)( to (add|say))?|"
    r" (i'?ve|i have) got (something|one thing|a few things|plenty) to (add|say))?"
)

# "sure, but who sees it": a question back after the yes, answered before anything starts
ASKS_BACK = re.compile(
    r"\b(but|if) (who|what|whats|what's|how|why|where|when|which|can|could|will|would|do|does|"
    r"is|are)\b"
)


def says_go_ahead(text: Any) -> bool:
    """The whole reply gives permission to start ("fine. go on then")."""
    return whole(GO_AHEAD, text)


def agrees_to_take_part(text: Any) -> bool:
    """The whole reply agrees to take part: a yes in another language, or a yes with a
    condition that does not put it off ("ok but keep it quick, got a customer in 10
    mins"). False for "yes but later", "ok but what happens to it?" and anything else."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    if not norm:
        return False
    if FOREIGN_YES.fullmatch(norm + " ") or FOREIGN_YES.fullmatch(norm) or says_go_ahead(text):
        return True
    return (
        CONDITIONAL_YES.match(norm) is not None
        and PUT_OFF.search(norm) is None
        and ASKS_BACK.search(norm) is None
        and not looks_like_question(text)
    )
