"""Stance: is a response an opportunity, a barrier or an ask?

A small transparent rule-based classifier, so staff can see why a response got its
stance. Two kinds of evidence add up:

- the question it answered: keys ending `:opportunities`, `:barriers` and `:help` lean
  to opportunity, barrier and ask (a prior worth `QUESTION_WEIGHT` cue points);
- cue phrases in the words (`CUES`): "we struggle to", "lack of" (barrier), "would let
  us grow", "potential" (opportunity), "we need", "please fund" (ask).

The highest score wins; ties go to the question's stance, then to the order of
`TIE_ORDER`. Measured on a labelled set kept apart from these cues
(`benchmarks/stance.py`, numbers in the README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPPORTUNITY = "opportunity"
BARRIER = "barrier"
ASK = "ask"
STANCES = (OPPORTUNITY, BARRIER, ASK)
LABELS = {OPPORTUNITY: "Opportunity", BARRIER: "Barrier", ASK: "Ask"}

# The last part of a question key → the stance its answers usually take.
QUESTION_STANCE = {"opportunities": OPPORTUNITY, "barriers": BARRIER, "help": ASK}
QUESTION_WEIGHT = 1.5
# With no cue and no question: an unprompted view most often names a problem.
TIE_ORDER = (BARRIER, OPPORTUNITY, ASK)

# (pattern, weight) per stance; patterns are matched on lower-cased text, whole words.
CUES: dict[str, list[tuple[str, float]]] = {
    ASK: [
        (r"we (?:really |badly |urgently )?need", 2.0),
        (r"(?:would|could|should|must) (?:the (?:lep|council|government)|you|they) ", 1.5),
        (r"(?:we'?d|we would|i'?d|i would) (?:like|love|welcome|ask)", 2.0),
        (r"(?:please|pls)", 2.0),
        (r"(?:can|could) you", 1.5),
        (r"help (?:us|with|businesses|firms|small)", 1.5),
        (
            r"(?:more|better|some|dedicated|proper) (?:support|funding|grants?|help|investment|"
            r"advice|training|money)",
            1.5,
        ),
        (r"(?:fund|invest in|provide|give us|set up|create|introduce|bring (?:in|back))", 1.0),
        (r"(?:it|that) would help", 2.0),
        (r"what would help", 1.5),
        (r"should (?:be|have|invest|fund|provide|make)", 1.5),
        (r"(?:needs? to|has to|have to) (?:be|invest|fund|improve|provide|make|fix|change)", 1.5),
        (r"(?:call on|urge|ask(?:ing)? for|request)", 1.5),
        (r"(?:wish|hope) (?:the|you|there|they|for)", 1.0),
        (r"make it easier", 1.5),
        (r"(?:subsidis|subsidy|incentive|voucher|rate relief|tax break)", 1.0),
        (r"(?:my|our|the) (?:ask|request|wish)|number one request|what we need", 2.0),
        (r"(?:can|could|will|would) (?:the \w+|you|someone|somebody|they) [^?]*\?", 2.0),
        (r"(?:somebody|someone) should", 2.0),
        (r"we want (?:a|an|more|the|some|better)", 2.0),
    ],
    BARRIER: [
        (r"(?:hard|difficult|impossible|tough|tricky) to", 2.0),
        (r"(?:struggl|battl)\w*", 2.0),
        (
            r"(?:can'?t|cannot|unable to|couldn'?t) (?:find|get|afford|recruit|hire|expand|grow|"
            r"reach|access|keep|compete)",
            2.0,
        ),
        (r"(?:lack|shortage|dearth|scarcity) of", 2.0),
        (r"(?:not enough|too few|too little|nowhere (?:to|near))", 1.5),
        (
            r"(?:too|very|so|really|eye[- ]wateringly) (?:expensive|costly|slow|high|poor|patchy|"
            r"unreliable|limited)",
            2.0,
        ),
        (r"(?:expensive|unaffordable|costs? (?:of|are|is|have)|rising costs?|rents?)", 1.0),
        (r"(?:barrier|obstacle|blocker|bottleneck|problem|issue|headache|nightmare)s?", 1.5),
        (r"(?:held|holding|hold) (?:us |them |firms |businesses )?back", 2.0),
        (
            r"(?:stops?|stopping|prevents?|preventing|blocks?) (?:us|them|firms|businesses|people)",
            2.0,
        ),
        (r"(?:congest\w*|gridlock\w*|traffic|pothole\w*|delays?|delayed)", 1.0),
        (r"(?:red tape|bureaucra\w*|paperwork|planning (?:delays|refusal|system))", 1.5),
        (r"(?:losing|lose|lost|leave|leaving|left) (?:staff|people|talent|graduates|workers)", 1.5),
        (r"(?:gap|gaps|shortages?)", 1.0),
        (r"(?:worr\w+|concern\w*|risk of|threat\w*|uncertain\w*)", 1.0),
        (
            r"(?:no|poor|patchy|bad|terrible|awful|slow) (?:broadband|signal|transport|buses|roads|"
            r"connection|housing|parking|links?)",
            1.5,
        ),
        (r"(?:we|i) (?:gave up|had to turn down|turned down|had to move|moved out)", 1.5),
        (r"(?:won'?t|refuse[sd]?|refusing) (?:to )?(?:lend|insure|give|pay|let|answer|reply)", 2.0),
        (r"(?:nobody|no one|no-one) (?:at|will|wants|answers|can)", 1.5),
        (r"(?:falling apart|wiped out|crippling|closed|closing|went elsewhere|go elsewhere)", 1.5),
        (r"(?:move|moving|moved|go|went) (?:to london|away|elsewhere)", 1.0),
        (r"took (?:us |them )?(?:\w+ )?(?:months|years)|taken (?:\w+ )?(?:months|years)", 1.5),
        (r"(?:almost|nearly|virtually) impossible", 1.0),
    ],
    OPPORTUNITY: [
        (r"opportunit\w*", 2.0),
        (r"potential", 1.5),
        (
            r"(?:could|would|will) (?:let|allow|help|enable) us (?:to )?(?:grow|expand|hire|double|"
            r"scale|export|win|reach)",
            2.0,
        ),
        (r"(?:grow|growing|growth|expand|expanding|expansion|scale up|scaling)", 1.0),
        (r"(?:chance|opening|prospect)s? (?:to|for|of)", 1.5),
        (r"(?:benefit|advantage|strength|asset)s?", 1.0),
        (r"(?:excit\w+|promising|thriving|booming|buoyant)", 1.5),
        (r"(?:new|bigger|overseas|global|export) (?:markets?|customers|contracts|demand)", 1.5),
        (r"(?:demand|orders) (?:is|are) (?:growing|rising|up|strong)", 2.0),
        (r"(?:well placed|well-placed|perfectly placed|ideally placed|on our doorstep)", 2.0),
        (r"(?:collaborat\w+|partner\w*|cluster|spin[- ]?outs?|supply chain)", 1.0),
        (r"(?:attract|draw) (?:more |new )?(?:investment|talent|visitors|businesses|firms)", 1.5),
        (r"(?:win|winning|won) (?:work|contracts|business|more)", 1.5),
        (r"(?:we|i) (?:plan|hope|aim|want) to (?:grow|expand|hire|open|launch|double|export)", 1.5),
        (r"(?:boost|unlock|tap into|capitalise on|capitalize on|build on|make the most of)", 1.5),
        (
            r"could (?:become|be a|put|make|transform|serve|bring|give|attract|double|sell|open)",
            1.5,
        ),
        (r"would (?:make|do) (?:great|well|a great)|do well", 1.5),
        (r"we could (?!not)|could be (?:rolled|used|sold|scaled)", 1.0),
        (r"(?:a |the )?(?:market|niche) (?:there|for)|real niche|a market", 1.5),
        (r"(?:enquiries|inquiries|interest) from", 1.5),
        (r"(?:brilliant|great|superb|fantastic|excellent|best of)", 1.0),
        (r"(?:appetite|keen to|taking off|taken off|room for more|sniffing around)", 1.5),
        (r"(?:has|have) (?:doubled|tripled|grown)|(?:rose|grew|up) (?:by )?\d+ ?%", 1.5),
        (r"(?:brings?|brought) (?:a lot of |more |new )?(?:skilled|talent|people|jobs|work)", 1.5),
    ],
}
# A message that opens with one of these verbs is an instruction: "Fund a proper
# incubator", "Bring back the Saturday bus". Each counts as an ask cue.
IMPERATIVE_VERBS = frozenset(
    """allow back build bring cap connect create cut deliver develop encourage expand extend
    fix fund get give help host improve introduce invest keep let lobby lower make offer open
    organise pay promote prioritise protect provide publish put raise reduce ring-fence run
    scrap set share simplify sort speed start stop streamline subsidise support target tell
    train""".split()
)
IMPERATIVE_WEIGHT = 2.0
_SENTENCE_START = re.compile(r"(?:^|[.!?;]\s+)([a-z][a-z-]*)")

_COMPILED = {
    stance: [(re.compile(rf"(?<![\w']){p}(?![\w])"), w) for p, w in cues]
    for stance, cues in CUES.items()
}


@dataclass(frozen=True)
class StanceResult:
    stance: str
    scores: dict[str, float]
    cues: dict[str, list[str]] = field(default_factory=dict)  # the phrases that counted
    question_stance: str | None = None


def question_stance(question_key: str | None) -> str | None:
    """The stance a question leans to (`island:space:barriers` → barrier), if any."""
    if not question_key:
        return None
    return QUESTION_STANCE.get(question_key.rsplit(":", 1)[-1])


def classify(text: str, question_key: str | None = None) -> StanceResult:
    """The stance of one response, with the cue phrases and question that decided it."""
    lowered = " ".join((text or "").lower().replace("’", "'").split())
    scores = dict.fromkeys(STANCES, 0.0)
    cues: dict[str, list[str]] = {}
    for stance, patterns in _COMPILED.items():
        for pattern, weight in patterns:
            match = pattern.search(lowered)
            if match is not None:
                scores[stance] += weight  # a cue counts once however often it appears
                cues.setdefault(stance, []).append(match.group(0))
    opening = [w for w in _SENTENCE_START.findall(lowered) if w in IMPERATIVE_VERBS]
    if opening:
        scores[ASK] += IMPERATIVE_WEIGHT
        cues.setdefault(ASK, []).append(opening[0])
    prior = question_stance(question_key)
    if prior:
        scores[prior] += QUESTION_WEIGHT
    best = max(scores.values())
    tied = [s for s in STANCES if scores[s] == best]
    if len(tied) == 1:
        winner = tied[0]
    elif prior in tied:
        winner = prior
    else:
        winner = next(s for s in TIE_ORDER if s in tied)
    return StanceResult(stance=winner, scores=scores, cues=cues, question_stance=prior)


def stance_of(text: str, question_key: str | None = None) -> str:
    """Just the stance id (what is stored on a response)."""
    return classify(text, question_key).stance
