"""The FAQ topic a side question asks about, when its words say so plainly ("who actually
sees this?", "what's this Oxford to Cambridge arc?"), and the words that make a question
one about who reads the answers. Split from questions.py (past 400 lines), which reads
whether a message is a question at all. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.replies.text import normalise

# Text-speak put back into words before a question's topic is read: "does any1 actually
# decide stuff", "wat happens after this" (set AE kept both as the answer)
_TEXT_SPEAK = {
    "wat": "what",
    "wot": "what",
    "wats": "whats",
    "wots": "whats",
    "any1": "anyone",
    "some1": "someone",
    "every1": "everyone",
    "no1": "no one",
}


def plain_words(norm: str) -> str:
    """A normalised message with text-speak spelled out ("wat" -> "what")."""
    return " ".join(_TEXT_SPEAK.get(w, w) for w in norm.split())


WHO_SEES = (
    # "Who at the LEP actually reads these, by the way?" (set EB kept the view and no answer)
    r"who( at the \w+| in the \w+| there| here)? (actually |else |exactly |really )?(sees|reads|"
    r"gets to see|will see|will read|has access to|looks at)|"
    # "will our name end up in the report?", "is the company name going to be in any
    # report?" (set AG kept the first as the answer)
    r"(our|my|the|company|business|firm'?s?) names? (\w+ ){0,5}(in|on) (the|any|your|a) "
    r"(report|reports|findings|board paper)|anonymous|anonymi[sz]ed|named in|"
    # "Will that name appear anywhere publicly?" (set EB took it for the name question's
    # answer): the name published
    r"(that|the|my|our|this|company|business) names? (\w+ ){0,2}(appear|be (published|shown|"
    r"public|printed|used|named|attached))|publicly|publish\w*|"
    # "Will any of this be attributed to us?", "Would you print our name next to any of
    # this?" (set EC had no answer)
    r"attribut\w* to (us|me|our|my|the (company|business|firm))|"
    r"(print|put|use|show|quote) (our|my|the company'?s?|the business'?s?|the firm'?s?) "
    r"names?\b|"
    # "if I regret this later, can I have everything I've said removed?" (set CT kept it as
    # the answer): how to have it deleted
    r"(can|could|will) (i|we) (have|get) (everything|it all|all of it|my answers|our answers|"
    r"what i'?ve said|what i said|it)( i'?ve said| i said)? (deleted|removed|wiped|taken out)|"
    # "does anyone at the lep actually look at these dms?" (set EC was told the focus)
    r"(does|do|will|would) (anyone|anybody|someone|a person|a human|people|a real person)"
    r"( at the \w+| there| from the \w+)? (actually |really |even |ever )?(look at|read|see|"
    r"check|go through) (these|this|them|it|my|our|the)|"
    # "Will the council see what I write here, or only the LEP?" (set CR)
    r"(will|would|does|do|can|could) (the )?(council|anyone|everyone|the public|my competitors|"
    r"other businesses) (see|read|get to see) (this|these|it|that|what (i|we) (write|wrote|say|"
    r"said|type|put)|my answers|our answers|the answers|my name|our name)"
)


# Oxford and Cambridge named together, and the words that ask how something links to them
_OX_CAM = r"(oxford (and |to |- )?cambridge|ox ?cam)"
_LINKED = (
    r"(connect\w*|link\w*|tied|tie in|ties in|to do with|relat\w*|part of|got to do|"
    r"what about|going on about|banging on about|on about|mention\w*)"
)
# The other of the two lists ("this list", "the first lot": "How is this list different from
# the last one?")
_OTHER_LIST = (
    r"(lists?|(first|last|other|previous|second|earlier|two) (one|ones|lot|lots|list|lists|set|"
    r"sets|bunch))"
)
# A local industrial strategy by any of its names ("LIS", "an industrial strategy")
_LIS = r"(bucks lis|lis|(local |county )?industrial strateg(y|ies))"

# What the question of a question-then-remark asks, when its words say so plainly: the
# NLU's answer is chosen on the whole message, and the remark can lead it astray ("who
# actually sees this? dont want pinewood reading me moan" was answered with the focus)
ASKED_TOPICS = (
    # "what's this Oxford to Cambridge arc?", "whats the arc when its at home?" (set AD was
    # told about entrepreneurialism, whose summary names Oxford and Cambridge)
    (
        "arc",
        re.compile(
            r"\b(the|this|that) (ox ?cam |oxford (to |and |- )?cambridge )?arc\b|"
            # "my co-founder reckons all this is tied to Oxford and Cambridge somehow. What's
            # the connection?" (set EP was told the focus): the two cities and a link asked
            rf"\b{_OX_CAM}\b(?=.*\b{_LINKED}\b)|\b{_LINKED}\b.*\b{_OX_CAM}\b"
        ),
    ),
    (
        "who_preparing",
        re.compile(
            r"\b(who'?s|who is|who are) (actually |really |even )?(behind|running|putting|"
            r"writing|preparing|organising|organizing|in charge of|doing) (this|it|the)\b|"
            # "What's the LEP, by the way?" (set EB was given the privacy notice), "who are
            # the LEP when they're at home?", "what does LEP stand for?"
            r"\b(what'?s|whats|what is|what are|who'?s|who is|who are) (the |a |this |your )?"
            r"(btv ?lep|lep)\b(?! (doing|going|planning|gonna|up to|actually))|\blep stand for\b"
        ),
    ),
    (
        # "is there a way for us to actually be in the room when this gets decided" (set AE
        # was told the Board's date): taking part beyond the chat
        "get_involved",
        re.compile(
            r"\b(is there (a|any) way|how (can|do|could|would) (we|i)|(can|could) (we|i))"
            r"( for (us|me))?( to)?( actually| also| still)? (be in the room|get (more |properly )?"
            r"involved|be (more )?involved|(have|get) (a|more of a|any|our) say|help shape|"
            r"sit on)\b"
        ),
    ),
    (
        "next_steps",
        re.compile(
            # "what happens with all this once I'm done?" (set AI was told about privacy)
            r"\bwhat (actually |really )?happens (next|after|now|with (all )?(this|it) (after|once|"
            r"when|now|next)|"
            r"to (all )?(this|it) (after|once|when)|"
            # "what happens with it all after?" (set EB was given the privacy notice)
            r"(with|to) (it|this|them) all (after|afterwards|next|then|once|when))|"
            # "So what's the next step once you've got everyone's answers?" (set EC)
            r"what'?s (the )?next steps?\b|what are (the )?next steps\b|"
            # "when do u close this btw?" (set EC had no answer)
            r"when (do|will|does) (you|u|ya|the lep|they) (close|shut|end|finish) (this|it|the "
            r"consultation|the survey)\b|"
            # "how long is this consultation open for?" (set EC was told how long the chat
            # takes)
            # not "how long is this going to take?", how long the chat takes (set EY was
            # told the Board's date)
            r"how long (is|will|does) (it|this|the|this) ?(consultation|survey)?( be| stay)? "
            r"(open|running|live|on|going(?! to (take|last)\b)|go on)\b|"
            # "what becomes of it all afterwards?" (set EC was given the privacy notice)
            r"what (becomes|will become|happens) of (it|this|it all|all this|all of (it|this)|"
            r"the answers|my answers|our answers)\b|"
            # "Where does all this go once you've collected it?" (set EC had no answer)
            r"where (does|will|do) (it|this|all this|it all|everything|these|all these)"
            r"( answers)? (all )?(go|end up)\b(?=.*\b(once|after|when)\b)|"
            r"(when (will|does)|does) (anyone|anybody|"
            r"you|they|the board) (actually |ever |really )?decide|"
            # "when does the LEP board actually look at this?", "Who actually decides what
            # goes into the final strategy?" (set AO was answered with the next question only)
            r"when (does|will|do) (the )?(lep )?(board|lep|they|you|anyone) (actually |ever |"
            r"really |even )?(look at|see|read|consider|discuss|review|meet|decide|sign)|"
            r"who (actually |really |even |finally )?(decides|signs (it |this )?off|approves|"
            r"makes the (final )?(call|decision))|"
            # "Quick one first: who gets the final say on what goes in this strategy?" (set EP
            # was told the focus: "say on" read as what it says)
            r"who('?ll|'?d)?( \w+){0,3} (final|last) (say|word)\b|"
            # "Will we get to see a draft before it's signed off?" (set EP had no answer)
            r"\b(see|get|read|comment on|look at|have a look at|check) (a|the|any) (draft|"
            r"final (version|draft|report|strategy|plan)|finished (version|strategy|report))\b|"
            r"\bbefore (it'?s|it is|it gets|this is|this gets|the strategy is|the report is) "
            r"(signed off|finali[sz]ed|agreed|adopted|published)\b|"
            # "whens the LEP board actually meeting about it?" (set BC was told what a LIS is)
            r"when'?s? (is |are )?(the )?(lep )?board (actually |even |next )?"
            r"(meeting|meet|sitting)|"
            # "is there a closing date for this?", "when does it all close?" (set EB)
            # "When does this consultation close?" after a view (set EB was told the focus)
            r"closing date|deadline|when (does|will|do|is) (it|this|the|it all|all this)"
            r"( consultation| survey| questionnaire)? (all |actually |finally |officially )?"
            r"(close|end(?! up)|finish|shut)"
        ),
    ),
    (
        # "Who do I talk to if I want to say more than a sentence on this?" (set AO)
        "human",
        re.compile(
            r"\bwho (do|should|can|could|would) (i|we) (talk|speak|write|send \w+|go) to\b|"
            r"\b(someone|somebody|a person|anyone) (i|we) (can|could) (talk|speak) to\b"
        ),
    ),
    (
        "data_privacy",
        re.compile(rf"\b({WHO_SEES}|data|privacy|gdpr)\b"),
    ),
    (
        "islands_seabed",
        re.compile(
            r"\b(islands?|seabed|sea bed)\b|"
            # "How is this list different from the last one?" at the seabed choice (set EP
            # was told how the chat works): how the two lists differ
            rf"\bdiffer\w*\b.*\b{_OTHER_LIST}\b|\b{_OTHER_LIST}\b.*\bdiffer\w*\b"
        ),
    ),
    # "Does the national Industrial Strategy say anything about transport?" (set CR was told
    # what the county's strategy focuses on)
    (
        "national_strategy",
        re.compile(
            r"\b((the )?(national|uk|government'?s?) (industrial )?strateg\w*|grand challenges?)\b|"
            # "Is this anything to do with the government's net zero push?" (set EP was told
            # about environment and quality of life): the national strategy's challenges
            r"\b(to do with|part of|linked (to|with)|tied (in )?(to|with)|connected (to|with)|"
            r"related to|hook\w* (in)?to|tie\w* in with|fits? (in )?with|the same as) (the |this )?"
            r"(government'?s?|net zero|clean growth|levelling up)\b|"
            r"\bgovernment'?s?( own| big| new| national)? (\w+ ){0,2}(push|agenda|missions?|"
            r"(grand|big) challenges?)\b|"
            # "does this strategy say anything about net zero or is that a separate thing" (set
            # FY was told the focus): the seeds name clean growth only as a national challenge
            r"\b((say|says|mention|mentions|anything|something|much)( anything| much| owt)?"
            r"( in (it|this|there))? (about|on|for)|mentions?|covers?|includes?) (net ?zero|"
            r"clean growth|climate change|decarboni[sz]\w*|carbon (emissions|reduction|"
            r"neutral\w*))\b"
        ),
    ),
    # "what is a local industrial strategy when it's at home?" (set EP was told the focus),
    # "what even is an LIS", "what does LIS stand for", "what's the point of this strategy"
    (
        "what_is_lis",
        re.compile(
            r"\bwhat( even| exactly| actually)?('?s| is| are)( even| exactly| actually)?"
            rf"( (a|an|the|this|that|your))? {_LIS}\b"
            r"(?! (doing|going|gonna|planning|say|says|saying|do for|got))|"
            rf"\b{_LIS} (stand for|stands for|mean|means|meaning|short for)\b|"
            r"\bwhat'?s the (point|purpose|idea|aim) of (a |an |the |this |your )?"
            rf"({_LIS}|strategy|consultation)\b"
        ),
    ),
    # "does the strategy say anything about the chilterns at all?" (set AO)
    (
        "focus",
        re.compile(
            r"\b(sectors?|industries|focus\w*)\b|"
            # not "the final say on", "a say on" (who decides, taking part)
            r"(?<!\ba )(?<!final )(?<!last )(?<!any )"
            r"\b(say|says|mention|mentions)( anything| much| owt)? (about|on)\b"
        ),
    ),
)


# Topics whose words are asked only about the strategy and this consultation ("who gets the
# final say", "will we see a draft"); "focus" ("sectors") and "data_privacy" ("data") are
# read from words a view's question uses too ("why do other industries get the money?")
STRATEGY_ONLY_TOPICS = frozenset(key for key, _ in ASKED_TOPICS) - {"focus", "data_privacy"}


def asked_topic(question: str) -> str | None:
    """The FAQ topic a side question (`question_before_remark`'s part) asks about, if plain."""
    asked = plain_words(normalise(question))
    return next((key for key, pattern in ASKED_TOPICS if pattern.search(asked)), None)
