"""Head counts as people type them: "we're about 30" is the Small band, "me and 3 others"
Micro, "about a dozen, plus a couple of part-timers" Small. Split from `profile.py` along
its own seam (a head count becomes the size band staff filter by); the numbers themselves
are read in `count_words.py` (split off past 400 lines, set FZ). No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.count_words import MULTIPLES, TENS_AND_UNITS, multiple
from bot.consultation.count_words import NUMBER as NUMBER
from bot.consultation.count_words import NUMBER_PATTERN as NUMBER_PATTERN
from bot.consultation.count_words import NUMBER_WORDS as NUMBER_WORDS
from bot.consultation.count_words import numbers as _numbers
from bot.consultation.count_words import tens_and_units as _tens_and_units
from bot.consultation.questions import size_bands
from bot.consultation.replies.text import ORDINALS

# Upper bounds of the bands in seeds/questions.yml `size_bands`, in order (the last open).
BAND_LIMITS = (9, 49, 249)
# the family a small firm is counted by ("me and my son", "Dad, me and my uncle")
RELATIVES = (
    r"son|daughter|wife|husband|partner|brother|sister|dad|mum|mom|father|mother|missus|mrs|"
    r"other half|lad|boy|girl|uncle|aunt|auntie|cousin|nephew|niece|grandad|grandpa|gran|nan"
)
JUST_ME = re.compile(
    # "jsut me n my son" typed on a phone (set AK)
    r"\b((just|jst|jus|jsut|juts) (me|myself|us two)|only me|me alone|myself|sole trader|"
    # not "plus a pool of freelance linguists" beside a staff count (set FO: Micro)
    r"one[- ]man band|self[- ]employed|(?<!of )(?<!our )(?<!some )(?<!use )(?<!with )"
    r"freelance(r|(?! ([a-z]+s|staff|crew|team|people|help|labour|pool|support)\b))|on my own|"
    # "@btvlep solo" (set AX kept it as typed)
    r"^(just )?(solo|me|moi|1 man|one man|one woman|lone wolf)( (mate|now|these days))?$|"
    rf"me (and|n|&|\+) (my|the) ({RELATIVES})(?![^\n]*(\d|\bplus\b|\bstaff\b))|"
    # "It's me and a part-time apprentice" (set AO): the speaker and one other
    r"me (and|n|&|\+) (a|an|one) (?!(dozen|few|couple|handful|hundred|score)\b)"
    r"([a-z-]+ ){0,2}[a-z-]+(?![^\n]*(\d|\bplus\b|\bstaff\b|\band\b)))\b"
)
# "me and 3 others", "me plus two": the speaker counts too
ME_AND = re.compile(
    r"\b(me|myself|i) (and|plus|\+) (\S+)( \S+)? (others|more|staff|people|employees)\b"
)
# "about a dozen, plus a couple of part-timers", "10 full time and 4 part time" (the
# thirteenth set kept it as typed): the counts add up; "between 10 and 15" is a range
ADDED = re.compile(
    # "22 drivers + 3 in the office" (set BI); not "250+"
    r"\b(plus|as well as|on top)\b|\d\s*\+\s*\w|[a-z]\s+\+\s*\d|\bpart[- ]?tim"
    # "about twenty two drivers and three in the office" (set AM, by voice)
    # "22 drivers and 2 in office" (set BS, "the" left out)
    r"|\band (\d+|[a-z]+) (more )?(in|on|at|running) (the )?(office|shop|workshop|yard|warehouse|"
    r"kitchen|front|desk|admin|factory|depot)\b"
    # "22 testers and 3 of us running it" (set AN): a trade's count, then the owners'
    r"|\b\d+ [a-z]+s and (\d+|[a-z]+) (of us|directors|partners|managers|owners)\b"
    # "the two of us who own it, and eight employees", "three vets, with eleven nurses" (set DY)
    r"|\b(of us|owners|partners|directors|founders|surgeons|vets)\b[^.;]{0,40}?\b(and|with|plus) "
    r"(\d+|[a-z]+) ([a-z]+ )?(employees|staff|people|workers|others|nurses|[a-z]+(ers|ists|ians))\b"
    # "@btvlep 12 driver and 2 office" (set CV, plain English): two counts of people at work
    r"|^\d+ [a-z]+ and \d+ (in (the )?)?(office|admin|shop|workshop|yard|kitchen|warehouse|"
    r"front|desk|depot|factory)( staff)?$"
)
BAND_WORDS = {"micro": 0, "small": 1, "medium": 2, "large": 3}
BAND_SAID = re.compile(
    r"(?:an? )?(micro|small|medium|large)( sized?| size)?( business| firm| company| one)?"
)


# "60 not 6", "60 rather than 6": the number after the negation is the one withdrawn
NEGATED = re.compile(
    rf"\b(not|rather than|instead of|as opposed to)\s+(about |around )?{NUMBER_PATTERN}\b"
)


def _band_of(count: int) -> int:
    return next((i for i, limit in enumerate(BAND_LIMITS) if count <= limit), len(BAND_LIMITS))


# a rough number: "300ish", "200-odd", "40 odd", "100+", "60 or so" (set FZ's "about 60 paid
# staff and 300ish volunteers" counted the volunteers: Large)
ROUGHLY = r"(\+|-?ish|[- ]odd| or so)?"
# "5 paid staff and about 40 volunteers": volunteers, trustees and members are not staff
UNPAID = re.compile(
    rf"\b((about|around|roughly|over|some|nearly|almost)\s+)?{NUMBER_PATTERN}{ROUGHLY}\s+"
    # "3 staff, about 70 members who arent employed by us" (set CJ's co-working space)
    r"(\w+\s+)?(volunteers?|trustees?|helpers|members(?! of (staff|the team|our team)))\b"
)
# "14 staff plus up to 80 freelance crew on a big build" (set X, read as a freelancer
# alone: Micro): freelancers, contractors and agency crew taken on for a job are not staff
# beside a count of staff; alone ("me plus 3 subbies", set N) they are the count
HIRED_IN = re.compile(
    rf"\b((about|around|roughly|over|some|nearly|almost|up to|another)\s+)?{NUMBER_PATTERN}"
    rf"{ROUGHLY}\s+(\w+\s+)?(freelancers?|contractors?|sub-?contractors?|subbies|temps|casuals|"
    r"(freelance|agency|contract|casual|self-employed|day-rate|day rate)\s+\w+)\b"
)


# "6,200 staff across three sites", "about 140 on two shifts" (set AL filed neither): the
# sites and shifts are not people
# "We are twenty-two in all, eight of whom are solicitors" (set DQ kept the sentence): a
# share of the count is no second count
SHARE_OF = re.compile(
    rf",?\s*(and\s+)?{NUMBER_PATTERN}(?<!,)\s+(of whom|of them|of which|of those)\b|"
    rf",?\s*\b(of whom|of which|of them|of those)\s+(about\s+|around\s+)?{NUMBER_PATTERN}\b|"
    # "There are twenty-three of us at present, including two apprentices" (set DX); set EU's
    # "Twelve people, of whom nine are ...", "31 staff, including nine solicitors and four ..."
    rf"\b(including|incl|inc)\.?\s+(the\s+|our\s+|my\s+)?{NUMBER_PATTERN}\b[^,;.!?]*"
)
NOT_PEOPLE = re.compile(
    # "some two hundred and eighty employees across our nine branches" (set DY)
    rf"\b(across|over|on|in|at|from|between|split across|spread over)\s+(the\s+|our\s+|its\s+)?"
    rf"{NUMBER_PATTERN}\s+(sites?|shifts?|locations?|offices?|branches?|depots?|campus(es)?|"
    r"hospitals?|schools?|shops?|stores?|units?|premises|countries|counties|days?|weeks?)\b"
)
# Set FZ: "christmas trees. we grow nordmanns on 60 acres, ... people come and cut their own"
# at the sector question was filed as the head count too (Medium; the head count question
# never asked), and "6 staff plus 3 trainees on placement at any one time" counted the "one"
# (Small): land, weights, distances, livestock, rooms and vehicles, and spans of time ("3
# days a week", "for 5 years"), are never people, with or without a preposition
MEASURES = re.compile(
    rf"\b(at\s+)?(any\s+)?{NUMBER_PATTERN}{ROUGHLY}[\s-]+(of\s+)?(acres?|hectares?|ha|"
    r"sq\.?\s*(ft|feet|m)|square (feet|foot|met(re|er)s?|miles?)|m2|miles?|km|tonnes?|tons?|kg|"
    r"kilos?|litres?|liters?|gallons?|head of [a-z]+|cattle|cows|heifers|sheep|ewes|lambs|pigs|"
    r"sows|hens|chickens|horses|pitch(es)?|beds?|bedrooms?|rooms?|covers|seats?|vans|lorries|"
    r"trucks|vehicles|tractors|times?|days?|nights?|weeks?|months?|years?|yrs|hours?|hrs|"
    r"mornings?|afternoons?|evenings?)\b"
)


def _without_hired_in(norm: str) -> str:
    """`norm` without the freelancers and contractors, when a staff count is left."""
    rest = " ".join(HIRED_IN.sub(" ", norm).split())
    return rest if rest != norm and any(n > 0 for n in _numbers(rest)) else norm


# "Dad, me and my uncle, plus a lad on Saturdays", "Just Mum and me" (set AP): a family
# firm counted by name, no number given: a handful of people
INCLUDING = re.compile(r"\b(includ\w*|incl|inc|counting)\b")
# a count the speaker is added to ("twelve drivers plus ", "12 drivers, ")
COUNTED_BEFORE_ME = re.compile(
    rf"{NUMBER_PATTERN}\b(?! (years?|yrs|months?|weeks?)\b)[^.;]*?(\bplus|\band|\+|,|&)\s*$"
)
FAMILY = re.compile(rf"\b({RELATIVES}|apprentice)s?\b")
FAMILY_COUNTED = re.compile(rf"\bmy (two|three|four) ({RELATIVES})s\b")
SPEAKER = re.compile(r"\b(me|myself|i|i'm|im)\b")


# "we took on our tenth last week" (set AS filed it as typed): the newest hire's place
# in the count is the count
HIRE_ORDINALS = {
    **{word: n for n, word in enumerate(ORDINALS, start=1)},
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}  # fmt: skip
OUR_NTH = re.compile(
    r"\b(?:took on|taken on|hired|employed|welcomed|just got|started)\s+(?:our|my)\s+"
    rf"(?P<nth>{'|'.join(HIRE_ORDINALS)}|\d+(?:st|nd|rd|th))\b"
)


def _our_nth(match: re.Match[str]) -> str:
    nth = match.group("nth")
    return f" {HIRE_ORDINALS.get(nth) or int(nth[:-2])} staff "


# Set CA of unseen conversations (head counts among figures):
# "14.5 FTE": a part-time share rounds up to a person
DECIMAL = re.compile(r"\b(\d+)\.(\d+)\b")
# "9 teachers + me": the owner on top of the count
PLUS_ME = re.compile(rf"\b{NUMBER_PATTERN}( [a-z]+)? (\+|and|plus|&) (me|myself)\b")
# "22 FTE, but 30 on the payroll", "4 full time + 2 part time, so about 5 fte", "6 engineers
# and 3 lab techs, 9 in all": the count said again, which is the count (not "but 4 are
# part-time", a share of it)
RESTATED = re.compile(
    rf"(,|\bbut\b|\bso\b|\bi\.?e\.?|\bor\b)\s*(about |around |roughly |approx\.? |nearly |"
    rf"more like |call it )?(?P<n>{NUMBER_PATTERN})\b(?! (are|of them|of whom|is)\b)[^,;]*?"
    r"\b(fte|in all|in total|all told|altogether|overall|on the payroll|total)\b"
)


def _restated(norm: str) -> int | None:
    """The count a head count says again in other terms ("..., 9 in all"), or None."""
    matches = list(RESTATED.finditer(norm))
    if not matches:
        return None
    numbers = _numbers(matches[-1].group("n"))
    return numbers[0] if numbers else None


# Set CB of unseen conversations (someone answering for a business they do not own):
# "They've got 16 on the payroll. My practice is just me and one other but that's not who
# this is about", "5 of us in my franchise. The brand has about 60 franchisees across the
# country", "Just 2 of us paid ... About 90 member businesses, but they don't work for us":
# a sentence that counts someone else's people is left out
SOMEONE_ELSES = re.compile(
    r"\b(not (who|what) (this|it) ?(is|'?s) about|(they|who|them) (don'?t|do not) work for "
    r"(us|me|them)|(the|our|their) (brand|chain|group|parent company|head office|wider "
    r"(company|business|group)|whole (company|chain|group|business)|national (company|"
    r"business|chain)) (has|have|is|are|employs?|runs?)|across the (country|uk)|"
    r"nation ?wide|member (businesses|firms|companies))\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def _only_ours(text: str) -> str:
    """`text` without the sentences that count someone else's people, when one is left."""
    sentences = SENTENCE_END.split(text)
    ours = [s for s in sentences if not SOMEONE_ELSES.search(s)]
    return " ".join(ours) if ours and len(ours) < len(sentences) else text


# "12, that's the 3 partners, 7 architects and technologists, and me and the receptionist"
# (set CB): the count first, then who makes it up
TOTAL_FIRST = re.compile(
    rf"^(about |around |roughly |approx\.? )?(?P<n>{NUMBER_PATTERN})( (staff|people|of us|in "
    r"total|in all))?\s*(,|:|-|\()\s*(that'?s|thats|that is|i\.?e\.?|being|made up of|"
    r"which is|including|incl\.?|inc\.?)\b"
    # "17 inc 3 apprentices" (set CK): the count, then who it takes in
    rf"|^(about |around |roughly )?(?P<m>{NUMBER_PATTERN})( (staff|people|of us))?\s+"
    r"(including|incl\.?|inc\.?|inc of)\s"
)


# "7, would be 10 if anyone round here had a chainsaw ticket", "About 45, and it'd be 55 if a
# half-decent joiner ever answered" (set CE): the count the business would have is not its count
WOULD_BE = re.compile(
    r"[,;]?\s*\b(and |but )?(it'?d|it would|we'?d|we would|would|could) be\b.*$", re.IGNORECASE
)

# "Around 35, a few more in spring", "8, a dozen extra pickers at harvest" (set FN kept the
# first as typed): the people taken on for a season are no part of the count, as "about 15,
# doubles in summer" is the Small band
SEASONAL = re.compile(
    rf"[,;]?\s*\b(and |plus |with |but |\+\s*)?(up to |another |maybe |about |around )?"
    rf"({NUMBER_PATTERN} )?(more|extra)\b[^,;.]*?\b(in|at|over|during|for|through|on) (the )?"
    r"([a-z]+ )?(spring|summer|autumn|winter|christmas|xmas|easter|harvest|lambing|season|peak|"
    r"holidays|weekends?)\b[^,;.]*"
)


SECOND_THOUGHTS = re.compile(
    r"\b(no,? )?(hang on|hold on|wait|sorry|actually|i mean|make (that|it))\b[\s,.:;-]*"
)


def _after_second_thoughts(norm: str) -> str | None:
    """The count after a change of mind that follows a first count ("9, no hang on, 13
    now"), or None when there is none."""
    turns = list(SECOND_THOUGHTS.finditer(norm))
    if not turns:
        return None
    before, after = norm[: turns[-1].start()], norm[turns[-1].end() :]
    return after if NUMBER.search(before) and NUMBER.search(after) else None


def size_band_for(text: str) -> str | None:
    """The size band a typed answer names, or None when it is unclear.

    "about 12" -> Small; "me and 3 others" -> Micro; "250+" -> Large; "micro" -> Micro;
    "10-15" -> Small; "40-60" (two bands) -> None; "5 staff and 40 volunteers" -> Micro.
    """
    bands = size_bands()
    norm = " ".join(_only_ours(text).lower().replace("–", "-").split())
    for extra in (WOULD_BE, SEASONAL):
        if NUMBER.search(without := extra.sub("", norm)):
            norm = without
    if (turn := _after_second_thoughts(norm)) is not None:
        norm = turn  # "9, no hang on, 13 now with the two packers" (set ED kept it as typed)
    if total := TOTAL_FIRST.match(norm):
        return bands[_band_of(_numbers(total.group("n") or total.group("m"))[0])]
    # "14.5 FTE": 15 people
    norm = DECIMAL.sub(lambda m: str(int(m[1]) + (int(m[2]) > 0)), norm)
    norm = TENS_AND_UNITS.sub(_tens_and_units, OUR_NTH.sub(_our_nth, norm))
    norm = " ".join(UNPAID.sub(" ", NEGATED.sub(" ", MULTIPLES.sub(multiple, norm))).split())
    norm = " ".join(MEASURES.sub(" ", NOT_PEOPLE.sub(" ", SHARE_OF.sub(" ", norm))).split())
    norm = _without_hired_in(norm)
    if norm in {b.lower() for b in bands}:
        return next(b for b in bands if b.lower() == norm)
    named = BAND_SAID.fullmatch(norm)
    if named:  # "micro", "small business"; not "small team of 12" (the count decides)
        return bands[BAND_WORDS[named.group(1)]]
    # "Twenty-six people work here, including my brother and myself." (set DQ: Micro)
    just_me = JUST_ME.search(norm)
    if just_me and not (INCLUDING.search(norm) and _numbers(norm)):
        # "Twelve drivers plus me and one in the office" (set EN: Micro): others counted first
        added_to = just_me[0].startswith("me ") and COUNTED_BEFORE_ME.search(
            norm[: just_me.start()]
        )
        if not added_to:
            return bands[0]
    me_and = ME_AND.search(norm)
    if me_and:
        others = _numbers(me_and.group(3))
        return bands[_band_of(others[0] + 1)] if others else None
    counts = [n for n in _numbers(norm) if n > 0]
    if len(counts) > 1 and (said_again := _restated(norm)):
        return bands[_band_of(said_again)]
    plus_me = PLUS_ME.search(norm)
    if len(counts) == 1 and plus_me:
        return bands[_band_of(counts[0] + 1)]
    if not counts:
        family = FAMILY.search(norm) and SPEAKER.search(norm)
        return bands[0] if family and len(norm.split()) <= 15 else None
    if len(counts) > 1 and (whole := _count_then_parts(norm)):
        return bands[_band_of(whole)]
    if len(counts) > 1 and ADDED.search(norm):
        return bands[_band_of(sum(counts))]
    found = {_band_of(n) for n in counts}
    # "17 with my two sons" (set DZ): relatives counted in words, in or beside the count
    in_words = len(FAMILY_COUNTED.findall(norm))
    if (
        len(found) > 1
        and len(re.findall(r"\d+", text)) + in_words == len(counts)
        and not RANGE.search(norm)
    ):
        # "We are 38 with the carers, in office we are 4" (set EH kept it as typed): the
        # smaller group counted inside the larger or beside it, the band is the same
        found = {_band_of(max(counts)), _band_of(sum(counts))}
    return bands[found.pop()] if len(found) == 1 else None


# "6, me and my husband plus 4 packers" (set FS added the parts to it: Small): the count, then
# parts that add up to it, the speaker and each relative named counting one
COUNT_THEN_PARTS = re.compile(rf"^(?P<n>{NUMBER_PATTERN})\s*[,:;(-]\s*(?P<parts>.+)")
NAMED_ONE = re.compile(rf"\b(me|myself|i|my ({RELATIVES}))\b")


def _count_then_parts(norm: str) -> int | None:
    """The count first said when the parts after it add up to it, else None."""
    match = COUNT_THEN_PARTS.match(norm)
    if match is None:
        return None
    total, parts = _numbers(match["n"])[0], match["parts"]
    return total if sum(_numbers(parts)) + len(NAMED_ONE.findall(parts)) == total else None


# "40-60", "10 to 15", "between 10 and 15", "8 or 9": a range or a guess, not two groups
RANGE = re.compile(r"-|\b(to|or|between|and a half)\b")
