"""The words a reply to the consent question is read with: a yes in English and in the
languages local businesses greet the bot in, the filler that adds nothing to it, and the
conditions that put the consultation off. Shared by `consent_reply` (does the reply agree?)
and `consent_details` (what else does a yes bring with it?). No Rasa imports.
"""

from __future__ import annotations

import re

# Yes in English and in the languages local businesses greet the bot in (accents are
# dropped by `normalise`: "sí" -> "si", "d’accord" -> "d'accord").
YES_WORDS = (
    r"yes|yeah|yep|yup|ya|yeh|aye|ok|okay|okey|sure|fine|alright|all right|go on|go ahead|"
    r"go for it|why not|happy to|of course|cool|oui|d'accord|bien sur|volontiers|si|claro|"
    r"vale|por supuesto|ja|gerne|naturlich|tak|jasne|dobrze|sim|com certeza|da|haan|ji|"
    r"evet|tamam|naam|iawn|wrth gwrs|"
    # "Ow, yes. I can answer" (Sinhala), "Ndiyo" (Swahili), "Hai" (Japanese), "네" (Korean),
    # "taip" (Lithuanian), "igen" (Hungarian), "ano" (Czech): set DZ and DT
    r"ow|ndiyo|hai|taip|igen|ano|po|oo|opo|네|예|"
    # "Dobre, yes, we can start" (Bulgarian "good": set EH was "still not getting it" to
    # every answer after), "bine" (Romanian), "certo" (Italian), "sige" (Tagalog)
    r"dobre|dobro|dobra|bine|certo|sige|"
    # "Certainly" (set EJ: "didn't understand", then "still not getting it" to every answer)
    r"certainly|definitely|absolutely|gladly|indeed|surely|by all means"
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
