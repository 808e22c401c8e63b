"""Plain yes and no replies read as `affirm` / `deny` whatever the intent classifier made
of them.

"yh thats it" at the play-back fell below the fallback threshold and "nope not really"
has read as a view: the reply vocabulary (`bot/consultation/replies/`, the one the
actions use) is sure of these whole replies, and rules route on the intent, so a retrain
that moves one of them moved a whole conversation (the fifth set of unseen conversations
lost a play-back this way). Runs after DIETClassifier and before FallbackClassifier in
config.yml; other messages are left as the classifier read them.

Two more whole-message readings the classifier got wrong in the seventh set of unseen
conversations, each moving a whole conversation: a trade with a stop word in it ("print
finishing", "a one stop shop") read as `stop`, which skipped the rest of the profile; and
an X DM of nothing but the bot's handle ("@btvlep"), which is a hello, not a message the
bot fails to understand. And thanks in another language ("diolch yn fawr", the eighth set),
which the classifier has no examples of. And a placeholder for media ("[GIF]", "[Voice
message]", the tenth set) as a first message: a hello, not a message it fails to
understand (mid-question the forms say it cannot be read and ask again).

And a chat begun elsewhere: "I began this on twitter, can I finish it here?" read as
`stop` (0.74), so a first message got the consent question with no welcome and, mid-way,
the questions ended; its paraphrases read as a decline, a fallback or a greeting. Nothing
but that (`carries_on_here`) is a question (`faq`: answered, then back to where the
business was, welcomed first when it is the first message); with more beside it, a `stop`
or a decline is an answer (`inform`) unless what is beside it asks to stop too.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.consultation.about_chat import asks_about_the_chat
from bot.consultation.consent_reply import (
    agrees_to_take_part,
    asks_before_agreeing,
    wants_to_take_part,
)
from bot.consultation.consent_words import withdraws_consent
from bot.consultation.contact_terms import yes_on_terms
from bot.consultation.head_count import size_band_for
from bot.consultation.involvement import beside_elsewhere, carries_on_here, involvement_key
from bot.consultation.pointers import media_only
from bot.consultation.profile import asks_sector_change
from bot.consultation.profile_checks import without_sign_off
from bot.consultation.replies import (
    OTHER_THANKS,
    asked_topic,
    has_a_skip_word,
    means_nothing,
    normalise,
    says_no,
    says_yes,
)
from bot.consultation.replies.topics import STRATEGY_ONLY_TOPICS
from bot.consultation.strategy_asides import asks_when_it_is_finished
from bot.consultation.x_style import without_addressees

# Intents a yes or a no may already carry, each with its own rules ("go on" after
# stopping is carrying on; "count me in" is agreeing; "pass" is a skip)
YES_INTENTS = frozenset({"affirm", "consent_agree", "carry_on", "hold", "thank"})
NO_INTENTS = frozenset({"deny", "consent_decline", "skip", "stop"})
# "yh thats it", "yes that's right", "spot on": the play-back looks right
LOOKS_RIGHT = re.compile(
    r"((yes|yeah|yh|yep|yup|ya|yea|yeh|ye|ok|okay)( |$))*"
    r"(that'?s (it|right|correct|spot on|about right|fine)|spot on|looks (right|good|fine|ok)|"
    r"all (good|correct|right)|(that|it) is (right|correct|accurate|fine)|"
    # "That is an accurate summary, thank you.", "Yes, that reflects our position." (set AK's
    # NHS trust and housing association wrote formally)
    r"(that|this|it) (is|'s) (an? |a very )?(accurate|fair|correct|good|true|faithful|"
    r"reasonable) (summary|reflection|record|account)( of (it|our (view|views|position)|"
    r"what (i|we) said))?|(that|this|it) (accurately |fairly |broadly )?(reflects|captures|"
    r"sums up) (our|my|the) (position|view|views|points?|response|submission)"
    r"( (well|accurately|fairly))?|"
    # "I think so, more or less.", "mostly right i think yeah" (set CD: deny at 0.51, so
    # the play-back was kept as one more view): a hedged yes
    r"((i )?(think|suppose|guess|reckon) so|(more or less|mostly|pretty much|near enough|"
    r"broadly|largely|by and large)( (right|correct|accurate|there))?)"
    r"( (more or less|mostly|i think|i reckon|yeah|yes|yep))*"
    r")( (thanks|thank you|cheers|ta|mate))*"
)


# A stop word inside a trade or a phrase ("print finishing", "metal finishers", "a one stop
# shop", "high end kitchens"): not a request to stop. "finishing up / off / now" still is.
NOT_A_STOP = re.compile(
    r"\bfinish(ing|ers?)\b(?! (up|off|now|here|there|this|that|it|the)\b)|"
    r"\b(one|pit|bus|truck|full) stop\b|\b(high|front|back|west|top|low|rear) end\b|"
    r"\bend (of terrace|users?)\b|"
    # "vehicle wrapping", "gift wrappers" (set AU: the sector stopped the profile)
    r"\bwrap(ping|pers?|s)\b(?! (up|it|this|that|things)\b)"
)
# What still asks to stop once those phrases are taken out
STOP_CUE = re.compile(
    r"\b(stop|finish|finished|end|done|enough|wrap|quit|bye|leave|that'?s (all|it|everything))\b"
)
# What NLU made of a chat begun elsewhere that would end the questions or decline
ENDING_INTENTS = frozenset({"stop", "consent_decline"})


def carries_on_with_more(text: str, predicted: str | None) -> bool:
    """A chat begun elsewhere, with a view or more beside it, read as a stop or a decline
    when nothing beside it asks to stop or withdraw ("I started this on X but stop
    messaging me" still stops)."""
    return (
        predicted in ENDING_INTENTS
        and involvement_key(text) == "other_channel"
        and STOP_CUE.search(beside_elsewhere(text)) is None
        and not withdraws_consent(text)
    )


# Thanks in another language, alone or with English thanks ("diolch yn fawr", "merci
# beaucoup, cheers"): the classifier has no examples of them, so it fell back (eighth set)
THANKS_ELSEWHERE = re.compile(
    rf"(({OTHER_THANKS}|thanks|thank you|cheers|ta|mate|very much|so much|a lot)( |$))*"
    rf"({OTHER_THANKS})( (thanks|thank you|cheers|ta|mate|very much|so much|a lot))*"
)
# @mentions and the consultation's hashtag, nothing else: a DM that only names the bot
ONLY_MENTIONS = re.compile(r"\s*((@\w+|#buckslis)[\s.,!:]*)+", re.IGNORECASE)


# Words that make a title-cased message a request after all ("Stop Now Please")
REQUEST_WORDS = frozenset(
    "now please pls here there it this that that's thats all thanks thank you everything "
    "questions survey chat me i i'm up off for today then cheers asap early we us can "
    "let's lets finished done enough bye".split()
)


UNSURE_THEN_ASKS = re.compile(
    r"^((oh|hmm+|um+|erm+|well|ok|okay|ah)[ ,.!]+)*(i'?m |im |i am )?(not (so |too |really )?sure|"
    r"unsure|dunno|don'?t know)\s*[,.!:-]+\s*[^?]*\?\s*$",
    re.IGNORECASE,
)
QUESTION_WORD = re.compile(
    r"(what|who|how|why|where|when|which|is|are|do|does|can|could|will|would|should)\b", re.I
)


def business_name(text: str) -> bool:
    """Two or more words each capitalised, none a request word: a name that starts with a
    stop word ("Stop Gap Storage", "End Point Ltd", the ninth set), not a request."""
    words = text.strip().rstrip(".!").split()
    return len(words) >= 2 and all(
        (w[:1].isupper() or w in {"&", "and", "of"}) and w.lower() not in REQUEST_WORDS
        for w in words
    )


# "Commercial insurance broking." (set EU: skip at 0.71, the sector lost): a trade typed as
# a short sentence-case phrase of plain words
SENTENCE_CASE = re.compile(r"[A-Z][a-z'-]+(\s+[a-z][a-z'&-]*){1,5}\.?")


def no_skip_word(text: str) -> bool:
    """The reply is a name as typed (every word capitalised: "Skirmett", "Long Crendon") or a
    trade in sentence case ("Commercial insurance broking.") with no word of skipping in it;
    "idek tbh" in lower case is left as NLU read it."""
    words = without_addressees(text).split()
    plain = normalise(" ".join(words))
    named = all(w[:1].isupper() or w[:1].isdigit() for w in words)
    trade = SENTENCE_CASE.fullmatch(" ".join(words)) is not None and not means_nothing(plain)
    return bool(plain) and (named or trade) and not has_a_skip_word(plain)


def not_a_stop(text: str) -> bool:
    """A stop word only inside a trade or set phrase ("print finishing"), no stop else."""
    norm = normalise(text)
    if not NOT_A_STOP.search(norm):
        return False
    return STOP_CUE.search(NOT_A_STOP.sub(" ", norm)) is None


# A message's clauses: a question about the strategy is one of them, a stop another
CLAUSE = re.compile(r"[^,;:.!?\n]+[,;:.!?\n]*")


def asks_about_the_strategy(text: str) -> bool:
    """A question about the strategy or this consultation ("One more thing: when will the
    finished strategy actually come out?", set EY: stop at 0.87 after the goodbye, so it was
    told the chat had ended) whose stop words, if any, are that question's own ("finished"):
    no other clause asks to stop ("that's all from me, when's it out?" still stops)."""
    plain = without_addressees(text)
    if "?" not in plain:
        return False
    clauses = CLAUSE.findall(plain)
    asking = [
        c for c in clauses if asked_topic(c) in STRATEGY_ONLY_TOPICS or asks_when_it_is_finished(c)
    ]
    rest = " ".join(c for c in clauses if c not in asking)
    return bool(asking) and STOP_CUE.search(normalise(rest)) is None


HEAD_COUNT_MAX_WORDS = 10


# "Three paid staff, all part time, and about 25 volunteers who refurbish the laptops" (set
# CJ: faq at 1.0, so the head count was asked again): longer, with a word for the people
STAFF_WORDS = re.compile(
    r"\b(staff|paid|part[- ]?time|full[- ]?time|fte|volunteers?|employees?|people|of us|"
    r"members)\b"
)
HEAD_COUNT_LONG_MAX_WORDS = 20


def is_head_count(text: str) -> bool:
    """A short statement that names a head count ("forty odd including the operators"), or a
    longer one that says who they are ("3 paid staff and about 25 volunteers ...")."""
    words = normalise(without_addressees(text)).split()
    said = " ".join(words)
    short_enough = len(words) <= HEAD_COUNT_MAX_WORDS or (
        len(words) <= HEAD_COUNT_LONG_MAX_WORDS and STAFF_WORDS.search(said) is not None
    )
    return "?" not in text and bool(words) and short_enough and size_band_for(said) is not None


def certain_intent(text: str, predicted: str | None) -> str | None:
    """The intent a whole plain yes or no reply carries, for sure: the classifier's when
    it is a yes (no) intent, else `affirm` (`deny`); None for any other message. Set with
    full confidence, so one the classifier was unsure of ("yh thats it", affirm at 0.46)
    does not fall back. Also `inform` for a trade or a name ("Stop Gap Storage") the
    classifier read as `stop`, `greet` for a message of only @mentions or a media
    placeholder ("[GIF]"), `thank` for thanks in another language, `consent_agree` for a
    greeting that goes on to agree ("Good morning, I'd be glad to help"). A yes or no signed off
    with a name ("yes ok. cheers, Dave") is read without the sign-off. `faq` for a chat begun
    elsewhere to carry on here, `inform` for one with more said beside it NLU read as a stop
    or a decline."""
    if carries_on_here(text):  # "I began this on twitter, can I finish it here?"
        return "faq"
    if predicted in {"consent_agree", "affirm"} and asks_before_agreeing(text):
        # "Hi, what's the LEP exactly? Before I agree to anything" (set BN: consent_agree at
        # 0.94): the question answered, the yes not yet given
        return "faq"
    if predicted in {"consent_decline", "deny", "stop"} and UNSURE_THEN_ASKS.match(
        without_addressees(text).strip()
    ):
        # "Oh, I'm not sure. Will you send me lots of emails?" at the follow-up question
        # (set BT: consent_decline at 0.72, so the chat ended): not sure yet, and a question
        return "faq"
    if predicted in {"consent_decline", "deny", "stop", "nlu_fallback"} and yes_on_terms(text):
        # "@btvlep yes but only the odd one please" at the follow-up question (set CD:
        # consent_decline at 0.83, so the questions stopped), "I suppose so, if it's not too
        # often" (deny at 0.80: the goodbye): a yes with its terms
        return "affirm"
    if asks_sector_change(text):
        # "Before I answer - can you change our sector to warehousing and distribution?"
        # (set AL: read as a question about the sectors the strategy covers)
        return "inform"
    if carries_on_with_more(text, predicted):
        return "inform"
    named = without_addressees(text).strip()
    if predicted == "faq" and "?" not in named and business_name(named):
        # "@btvlep Anadolu Phone Repair" at the name question (set BS: faq/get_involved at
        # 1.0 on "Phone"), not "What Is The Arc"
        if not QUESTION_WORD.match(named):
            return "inform"
    if predicted == "faq" and is_head_count(text):
        # "forty odd including the operators" (set AM: read as asking for a person)
        return "inform"
    if (ONLY_MENTIONS.fullmatch(text) and "@" in text) or media_only(text):
        return "greet"
    if THANKS_ELSEWHERE.fullmatch(normalise(text)):
        return "thank"
    if predicted == "stop" and (not_a_stop(text) or business_name(text)):
        return "inform"
    if predicted == "skip" and no_skip_word(text):
        # "Skirmett" at the location question (set CA: skip at 0.67, the village lost): a
        # name or a word NLU has not seen, with no word of skipping in it
        return "inform"
    if predicted == "stop" and asks_about_the_strategy(text):
        # answered, then back to where the business was (at the goodbye: still closed)
        return "faq"
    if predicted == "stop" and asks_about_the_chat(text):
        # "Is that enough?" after a long answer (set AV: stop at 0.99, so the questions
        # ended): a question about the answer, answered, then the same question again
        return "inform"
    if predicted == "greet" and (wants_to_take_part(text) or agrees_to_take_part(text)):
        # "Good morning, I'd be glad to help. Regards, Bob" (the fifteenth set's letters),
        # "Yes, go on, I've got ten minutes before evening surgery" (set AV): a yes, not a
        # hello to answer with the welcome again
        return "consent_agree"
    # "yes ok. cheers, Dave" (the eleventh set: read as thanks at the consent question):
    # the reply without its sign-off, whose thanks are not what it says
    signed = without_sign_off(text, named=True)
    if signed != text and predicted == "thank" and (says_yes(signed) or says_no(signed)):
        return "affirm" if says_yes(signed) else "deny"
    text = signed
    if says_no(text):
        return predicted if predicted in NO_INTENTS else "deny"
    if says_yes(text) or LOOKS_RIGHT.fullmatch(normalise(without_addressees(text))):
        return predicted if predicted in YES_INTENTS else "affirm"
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ReplyIntentClassifier(GraphComponent, IntentClassifier):
    """Sets `affirm` / `deny` on plain yes and no replies (see the module docstring)."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ReplyIntentClassifier:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str):
                continue
            predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            intent = certain_intent(text, predicted)
            if intent is None:
                continue
            chosen = {INTENT_NAME_KEY: intent, "confidence": 1.0}
            message.set(INTENT, chosen, add_to_output=True)
            # The rest of the ranking kept in order, at no confidence: left as the classifier
            # had them, the intent it was sure of ("print finishing", stop at 0.96) sat
            # within FallbackClassifier's ambiguity threshold of the one set here, and the
            # message fell back after all
            ranking = [
                {**r, "confidence": 0.0}
                for r in message.get(INTENT_RANKING_KEY) or []
                if r.get("name") != intent
            ]
            message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        return messages
