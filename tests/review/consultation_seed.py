"""A realistic consultation for the officer's walkthrough and view tests.

On top of `tests.review.seed` (staff accounts, four responses, one hostile business):
36 more businesses over the website widget, X direct messages and #bucksLIS posts, each
view touching one to three themes, questions asked by the bot, some markup, a very long
answer, emoji and non-Latin scripts, and one business that withdrew (asked to be
forgotten) after answering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.consultation.questions import questions_for
from bot.storage.erasure import forget_sender
from bot.storage.models import Business, Conversation, Response
from bot.storage.themes import set_model_tags
from tests.review.seed import Seeded, add_event, seed

LONG_TEXT = (
    "Our workshop in High Wycombe makes furniture for hotels and we would like to say a "
    "lot about the roads. " * 40
).strip()
EMOJI_TEXT = "Fibre to the farm please 🚜📶 – we lose the connection every afternoon 😩"
URDU_TEXT = "ہمارے کاروبار کے لیے تیز انٹرنیٹ اور بہتر سڑکیں ضروری ہیں۔ Aylesbury"
POLISH_TEXT = "Brakuje nam wykwalifikowanych spawaczy – szkolenia w Łódź są za daleko"
FORMULA_TEXT = '=HYPERLINK("http://evil.example","click") training for welders'
SCRIPT_TEXT = "We need apprentices <script>document.title='pwned'</script> in Chesham"
WITHDRAWN_TEXT = "Please note our view on drone deliveries over Princes Risborough"
WITHDRAWN_ORG = "Risborough Drones Ltd"

SECTORS = ["Manufacturing", "Creative", "Space", "Life sciences", "Logistics", "Retail"]
SIZES = ["Micro (1-9 staff)", "Small (10-49 staff)", "Medium (50-249 staff)"]
TOWNS = ["Aylesbury", "High Wycombe", "Amersham", "Buckingham", "Marlow", "Chesham"]

# (text, themes) for ordinary answers; the question is the first theme's.
VIEWS: list[tuple[str, list[str]]] = [
    ("We cannot find engineers who can program CNC machines.", ["education_skills"]),
    ("Broadband on our industrial estate is too slow for video.", ["infrastructure"]),
    ("The film studios at Pinewood bring us work all year.", ["creative_digital"]),
    ("Westcott's space cluster could use a proper test range.", ["space", "infrastructure"]),
    ("Rents for small units near Aylesbury have doubled.", ["housing_growth"]),
    ("The council should buy more from local software firms.", ["intelligent_public_services"]),
    ("Electric van chargers would let us cut our fuel bill.", ["intelligent_mobility"]),
    ("A medtech incubator near Stoke Mandeville would help.", ["medical_technologies"]),
    ("Start-up grants are hard to find and slow to pay.", ["entrepreneurialism"]),
    ("Air quality on the A40 puts staff off cycling.", ["environment_quality_of_life"]),
    (
        "Motorsport valley needs more composites training.",
        ["high_performance_technology", "education_skills"],
    ),
    ("Data science graduates leave for London.", ["digital_science", "education_skills"]),
    (
        "Trains to Oxford are slow and the buses stop at six.",
        ["infrastructure", "environment_quality_of_life"],
    ),
    (
        "Games studios need faster broadband and skilled artists.",
        ["creative_digital", "infrastructure", "education_skills"],
    ),
    (
        "Our staff cannot afford homes near Silverstone.",
        ["housing_growth", "high_performance_technology"],
    ),
    ("Autonomous shuttles at Milton Keynes show what is possible.", ["intelligent_mobility"]),
]


@dataclass
class Consultation:
    base: Seeded
    businesses: dict[str, int] = field(default_factory=dict)  # organisation -> id
    responses: dict[str, int] = field(default_factory=dict)  # label -> id
    withdrawn_sender: str = ""
    by_channel: dict[str, int] = field(default_factory=dict)  # channel -> responses

    @property
    def total_responses(self) -> int:
        return sum(self.by_channel.values())


def _business(
    session: Session, n: int, channel: str, organisation: str | None, when: datetime
) -> tuple[Business, Conversation]:
    biz = Business(
        sender_id=f"{channel}-officer-{n}",
        channel=channel,
        organisation=organisation,
        sector=SECTORS[n % len(SECTORS)],
        size_band=SIZES[n % len(SIZES)],
        location=TOWNS[n % len(TOWNS)],
        consent=True,
        consent_at=when,
        email=f"contact{n}@business{n}.example" if n % 3 == 0 else None,
        created_at=when,
    )
    session.add(biz)
    session.flush()
    conv = Conversation(
        business_id=biz.id, sender_id=biz.sender_id, channel=channel, started_at=when
    )
    session.add(conv)
    session.flush()
    return biz, conv


def _answer(
    session: Session, conv: Conversation, text: str, themes: list[str], when: datetime
) -> Response:
    qs = questions_for(themes[0])
    q = qs[len(text) % len(qs)]
    r = Response(
        conversation_id=conv.id,
        text=text,
        question=q.text,
        question_key=q.key,
        created_at=when,
        stance="barrier" if "cannot" in text or "slow" in text else "opportunity",
    )
    session.add(r)
    session.flush()
    set_model_tags(
        session,
        r.id,
        themes,
        {t: 0.8 for t in themes},
        {t: [text.split()[0]] for t in themes},
        "tagger-test-1",
    )
    add_event(session, conv.sender_id, "bot", when.timestamp() - 30, {"text": q.text})
    add_event(session, conv.sender_id, "user", when.timestamp(), {"text": text})
    return r


def seed_consultation(session: Session) -> Consultation:
    """The whole consultation: `seed` plus 36 businesses and one withdrawn business."""
    base = seed(session)
    out = Consultation(base=base)
    out.by_channel = {"socketio": 1, "rest": 2, "twitter": 1}  # from `seed`
    start = datetime(2026, 11, 3, 10, 0, 0)
    channels = ["socketio", "x", "x_post"]
    n = 0
    for i in range(2):  # every ordinary view twice, from different businesses
        for j, (text, themes) in enumerate(VIEWS):
            n += 1
            channel = channels[n % 3]
            when = start + timedelta(days=n % 20, hours=n % 7)
            org = None if channel == "x_post" else f"{TOWNS[n % 6]} Firm {n} Ltd"
            biz, conv = _business(session, n, channel, org, when)
            words = text if i == 0 else f"{text} (said again by business {n})"
            r = _answer(session, conv, words, themes, when)
            out.businesses[org or biz.sender_id] = biz.id
            out.responses[f"view-{i}-{j}"] = r.id
            out.by_channel[channel] = out.by_channel.get(channel, 0) + 1
    specials = [
        ("long", LONG_TEXT, ["infrastructure"], "socketio", "Wycombe Hotel Furniture Ltd"),
        ("emoji", EMOJI_TEXT, ["infrastructure"], "x", "Chiltern Farm Shop"),
        ("urdu", URDU_TEXT, ["infrastructure"], "socketio", "Aylesbury Cash and Carry"),
        ("polish", POLISH_TEXT, ["education_skills"], "socketio", "Kowalski Welding"),
        ("formula", FORMULA_TEXT, ["education_skills"], "socketio", "=cmd|' /C calc'!A0"),
        ("script", SCRIPT_TEXT, ["education_skills"], "x", "Chesham <b>Bold</b> Tools"),
    ]
    for label, text, themes, channel, org in specials:
        n += 1
        when = start + timedelta(days=25, hours=n % 7)
        biz, conv = _business(session, n, channel, org, when)
        r = _answer(session, conv, text, themes, when)
        out.businesses[org] = biz.id
        out.responses[label] = r.id
        out.by_channel[channel] = out.by_channel.get(channel, 0) + 1
    # A business that answered, then asked the bot to forget it.
    n += 1
    biz, conv = _business(session, n, "socketio", WITHDRAWN_ORG, start + timedelta(days=26))
    _answer(session, conv, WITHDRAWN_TEXT, ["intelligent_mobility"], start + timedelta(days=26))
    out.withdrawn_sender = biz.sender_id
    forget_sender(session, biz.sender_id, actor="respondent", reason="forget")
    session.flush()
    return out
