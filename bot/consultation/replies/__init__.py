"""What a short reply means, before anything is stored: skip, none, nothing to say,
"hang on", a bare "thanks", or a question back.

One vocabulary and one normaliser for every question the bot asks (profile, theme
choice, open answers, play-back), so "not sure tbh" or "hold on" is read the same way
wherever it comes. Whole-reply matchers: "hang on, the roads are bad" is an answer, not
a hold. No Rasa imports. One module per kind of reply; callers import from here.
"""

from bot.consultation.replies.corrections import (
    CHANGE_OF_MIND,
    SELF_CORRECTION,
    STARRED,
    STARRED_MAX_WORDS,
    after_change_of_mind,
    corrects_last_answer,
    takes_back_last_answer,
)
from bot.consultation.replies.pauses import (
    FINISH,
    GREETING,
    GREETING_WITH_NAME,
    HOLDING,
    IMPATIENT,
    asks_to_finish,
    greeting_only,
    holding,
    impatient,
    punctuation_only,
)
from bot.consultation.replies.questions import (
    ASKING_PHRASES,
    CONSULTATION_TERMS,
    LEAD_INS,
    QUESTION_MAX_WORDS,
    QUESTION_WORDS,
    about_the_consultation,
    looks_like_question,
    opens_with_question,
    view_with_question,
)
from bot.consultation.replies.skips import (
    NONE_WORDS,
    NOTHING_TO_SAY,
    SKIP_THE_REST,
    SKIP_WORDS,
    is_skip,
    means_nothing,
    none_reply,
    skips_the_rest,
)
from bot.consultation.replies.text import DASHES, normalise, whole
from bot.consultation.replies.yes_no import (
    ACKNOWLEDGEMENT,
    NO_REPLY,
    OTHER_THANKS,
    PHONE_YES,
    YES_REPLY,
    acknowledgement_only,
    says_no,
    says_yes,
)

__all__ = [
    "ACKNOWLEDGEMENT",
    "ASKING_PHRASES",
    "CHANGE_OF_MIND",
    "CONSULTATION_TERMS",
    "DASHES",
    "FINISH",
    "GREETING",
    "GREETING_WITH_NAME",
    "HOLDING",
    "IMPATIENT",
    "LEAD_INS",
    "NONE_WORDS",
    "NOTHING_TO_SAY",
    "NO_REPLY",
    "OTHER_THANKS",
    "PHONE_YES",
    "QUESTION_MAX_WORDS",
    "QUESTION_WORDS",
    "SELF_CORRECTION",
    "SKIP_THE_REST",
    "SKIP_WORDS",
    "STARRED",
    "STARRED_MAX_WORDS",
    "YES_REPLY",
    "about_the_consultation",
    "acknowledgement_only",
    "after_change_of_mind",
    "asks_to_finish",
    "corrects_last_answer",
    "greeting_only",
    "holding",
    "impatient",
    "is_skip",
    "looks_like_question",
    "means_nothing",
    "none_reply",
    "normalise",
    "opens_with_question",
    "punctuation_only",
    "says_no",
    "says_yes",
    "view_with_question",
    "skips_the_rest",
    "takes_back_last_answer",
    "whole",
]
