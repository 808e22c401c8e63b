"""Gazetteer: named assets, places and theme keywords, matched with spaCy's PhraseMatcher.

Three kinds of entry:
- ASSETS: named assets (studios, circuits, test sites, hospitals, universities, rail and
  road projects) with the theme(s) they usually signal. Seeded from `seeds/themes.yml`
  (via `bot.strategy`) and extended here.
- PLACES: towns and villages of the county and neighbours. A place alone carries no theme;
  it is reported as evidence context and used as a feature.
- KEYWORDS: sector and topic words per theme (the keyword baseline).

Matching is case-insensitive on the token's lower form; simple plurals are added automatically.
The matcher output is used three ways: the keyword baseline (`KeywordTagger`), features for
the trained classifier, and evidence spans.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.strategy import THEME_IDS, load_themes
from bot.tagging.vocabulary import wider_keywords

if TYPE_CHECKING:  # spaCy is imported lazily at run time
    from spacy.tokens import Doc

CD = "creative_digital"
IM = "intelligent_mobility"
MT = "medical_technologies"
HPT = "high_performance_technology"
SP = "space"
ENT = "entrepreneurialism"
HG = "housing_growth"
DS = "digital_science"
IPS = "intelligent_public_services"
ES = "education_skills"
INF = "infrastructure"
ENV = "environment_quality_of_life"

# Named assets -> the theme(s) a mention usually signals (the classifier makes the call).
ASSETS: dict[str, tuple[str, ...]] = {
    "Pinewood": (CD,),
    "Pinewood Studios": (CD,),
    "Shepperton": (CD,),
    "Leavesden": (CD,),
    "National Film and Television School": (CD, ES),
    "NFTS": (CD, ES),
    "film school": (CD, ES),
    "Silverstone": (HPT,),
    "Silverstone Park": (HPT,),
    "Silverstone Technology Cluster": (HPT,),
    "Formula 1": (HPT,),
    "Formula One": (HPT,),
    "F1": (HPT,),
    "Westcott": (SP,),
    "Westcott Venture Park": (SP,),
    "Westcott Space Cluster": (SP,),
    "UK Space Agency": (SP,),
    "European Space Agency": (SP,),
    "ESA": (SP,),
    "Harwell": (SP,),
    "Stoke Mandeville": (MT,),
    "Stoke Mandeville Hospital": (MT,),
    "National Spinal Injuries Centre": (MT,),
    "spinal unit": (MT,),
    "spinal injuries unit": (MT,),
    "Wycombe Hospital": (MT,),
    "Buckinghamshire New University": (ES,),
    "Bucks New University": (ES,),
    "Bucks New Uni": (ES,),
    "BNU": (ES,),
    "University of Buckingham": (ES,),
    "Buckingham University": (ES,),
    "Buckinghamshire College Group": (ES,),
    "Bucks College Group": (ES,),
    "Aylesbury College": (ES,),
    "Amersham and Wycombe College": (ES,),
    "Open University": (ES,),
    "HS2": (INF,),
    "High Speed 2": (INF,),
    "East West Rail": (INF,),
    "East-West Rail": (INF,),
    "Heathrow": (INF,),
    "Heathrow expansion": (INF,),
    "third runway": (INF,),
    "Crossrail": (INF,),
    "Elizabeth line": (INF,),
    "Chiltern Railways": (INF,),
    "Chiltern line": (INF,),
    "Marylebone": (INF,),
    "M40": (INF,),
    "M25": (INF,),
    "M1": (INF,),
    "A41": (INF,),
    "A40": (INF,),
    "A418": (INF,),
    "A413": (INF,),
    "A355": (INF,),
    "A4010": (INF,),
    "Oxford-Cambridge Expressway": (INF,),
    "Chilterns": (ENV,),
    "Chiltern Hills": (ENV,),
    "AONB": (ENV,),
    "Area of Outstanding Natural Beauty": (ENV,),
    "Aylesbury Garden Town": (HG,),
    "garden town": (HG,),
    "living laboratory": (HG,),
    "living laboratories": (HG,),
    "living lab": (HG,),
    "Buckinghamshire Council": (IPS,),
    "Bucks Council": (IPS,),
    "county council": (IPS,),
    "district council": (IPS,),
    "NHS": (IPS,),
    "NHS trust": (IPS,),
    "Buckinghamshire Healthcare": (IPS, MT),
    "Bucks Business First": (ENT,),
    "Buckinghamshire Business First": (ENT,),
    "growth hub": (ENT,),
    "Innovate UK": (ENT,),
    "British Business Bank": (ENT,),
    "Oxford-Cambridge Arc": (ENT,),
    "Ox-Cam Arc": (ENT,),
}

# Towns and villages: context, no theme by themselves.
PLACES: tuple[str, ...] = (
    "Buckinghamshire",
    "Bucks",
    "Aylesbury",
    "High Wycombe",
    "Wycombe",
    "Amersham",
    "Chesham",
    "Marlow",
    "Beaconsfield",
    "Buckingham",
    "Princes Risborough",
    "Wendover",
    "Gerrards Cross",
    "Iver",
    "Iver Heath",
    "Denham",
    "Burnham",
    "Farnham Common",
    "Winslow",
    "Olney",
    "Great Missenden",
    "Little Chalfont",
    "Chalfont St Peter",
    "Chalfont St Giles",
    "Haddenham",
    "Thame",
    "Bourne End",
    "Stokenchurch",
    "Hazlemere",
    "Waddesdon",
    "Bletchley",
    "Milton Keynes",
    "Bedford",
    "Oxford",
    "Cambridge",
    "Luton",
    "Slough",
    "Reading",
    "London",
    "Watford",
    "Hemel Hempstead",
    "Tring",
    "Bicester",
    "Brackley",
    "Towcester",
    "Westcott",
    "Taplow",
    "Loudwater",
    "Stone",
    "Quainton",
    "Steeple Claydon",
    "Twyford",
    "Long Crendon",
)

# Sector and topic keywords per theme (the keyword baseline and classifier features).
KEYWORDS: dict[str, tuple[str, ...]] = {
    CD: (
        "film",
        "filming",
        "film crew",
        "tv",
        "television",
        "broadcast",
        "broadcaster",
        "video game",
        "games studio",
        "games developer",
        "game developer",
        "gaming",
        "vfx",
        "visual effects",
        "post-production",
        "post production",
        "animation",
        "animator",
        "studio",
        "sound stage",
        "film set",
        "set builder",
        "props",
        "costume",
        "streaming platform",
        "media",
        "content creator",
        "creative agency",
        "advertising",
        "advert",
        "ad agency",
        "graphic design",
        "design agency",
        "branding",
        "production company",
        "screen industries",
        "cinematographer",
        "colourist",
        "music video",
        "photography",
        "photographer",
        "podcast",
        "publisher",
        "esports",
        "creative industries",
        "creative sector",
        "documentary",
        "editing suite",
    ),
    IM: (
        "autonomous vehicle",
        "self-driving",
        "driverless",
        "connected vehicle",
        "connected and autonomous",
        "CAV",
        "electric vehicle",
        "EV",
        "EVs",
        "charge point",
        "chargepoint",
        "charging point",
        "ev charger",
        "charger",
        "charging network",
        "telematics",
        "fleet management",
        "fleet software",
        "logistics software",
        "route optimisation",
        "route planning",
        "last mile",
        "last-mile",
        "mobility",
        "ride sharing",
        "ride-hailing",
        "e-scooter",
        "e-bike",
        "micromobility",
        "vehicle supply chain",
        "automotive",
        "lidar",
        "ADAS",
        "vehicle-to-grid",
        "hydrogen vehicle",
        "battery pack",
        "drivetrain",
        "autonomous shuttle",
    ),
    MT: (
        "medtech",
        "med tech",
        "medical device",
        "medical technology",
        "diagnostic",
        "diagnostics",
        "rehabilitation",
        "rehab",
        "assistive technology",
        "prosthetic",
        "prosthetics",
        "orthotic",
        "wheelchair",
        "spinal injury",
        "spinal injuries",
        "digital health",
        "healthtech",
        "health tech",
        "life science",
        "life sciences",
        "clinical trial",
        "clinical",
        "clinician",
        "patient",
        "physiotherapy",
        "hearing aid",
        "implant",
        "surgical",
        "MHRA",
        "biotech",
        "pharma",
        "pharmaceutical",
        "medical",
        "in vitro",
        "wearable sensor",
        "care home technology",
    ),
    HPT: (
        "motorsport",
        "motor sport",
        "race team",
        "racing",
        "race car",
        "performance engineering",
        "high performance engineering",
        "advanced manufacturing",
        "composite",
        "composites",
        "carbon fibre",
        "carbon fiber",
        "precision engineering",
        "precision machining",
        "cnc",
        "machining",
        "machine shop",
        "prototyping",
        "prototype",
        "additive manufacturing",
        "3d printing",
        "wind tunnel",
        "dyno",
        "metrology",
        "aerospace",
        "engineering firm",
        "fabrication",
        "toolmaking",
        "test rig",
    ),
    SP: (
        "space",
        "space sector",
        "space industry",
        "satellite",
        "satellites",
        "rocket",
        "propulsion",
        "launch vehicle",
        "earth observation",
        "orbit",
        "orbital",
        "spacecraft",
        "cubesat",
        "thruster",
        "ground station",
        "space supply chain",
        "engine testing",
        "rocket engine",
        "payload",
    ),
    ENT: (
        "start-up",
        "startup",
        "start up",
        "scale-up",
        "scaleup",
        "spin-out",
        "spinout",
        "spin out",
        "incubator",
        "accelerator",
        "investor",
        "investment",
        "angel investor",
        "venture capital",
        "VC",
        "seed funding",
        "seed round",
        "funding round",
        "access to finance",
        "finance",
        "grant",
        "grants",
        "business support",
        "mentoring",
        "mentor",
        "business advice",
        "knowledge transfer",
        "KTP",
        "tech transfer",
        "technology transfer",
        "founder",
        "founders",
        "entrepreneur",
        "entrepreneurs",
        "loan",
        "equity",
        "R&D tax",
        "innovation funding",
        "networking events",
    ),
    HG: (
        "new homes",
        "housing development",
        "housing developments",
        "housebuilding",
        "housebuilder",
        "house builder",
        "new settlement",
        "new settlements",
        "modern methods of construction",
        "MMC",
        "modular homes",
        "modular housing",
        "timber frame",
        "construction firm",
        "construction company",
        "building site",
        "new estate",
        "new estates",
        "housing growth",
        "planned housing",
        "new houses",
        "developers",
        "housing allocation",
        "new town",
        "off-site construction",
    ),
    DS: (
        "data",
        "data analytics",
        "analytics",
        "AI",
        "artificial intelligence",
        "machine learning",
        "software",
        "cyber security",
        "cybersecurity",
        "cyber",
        "cloud",
        "SaaS",
        "algorithm",
        "data science",
        "data scientist",
        "IoT",
        "internet of things",
        "automation",
        "coding",
        "developer",
        "digital twin",
        "computer vision",
        "app",
        "platform",
        "database",
        "predictive",
    ),
    IPS: (
        "council",
        "local authority",
        "public sector",
        "public services",
        "public service",
        "procurement",
        "tender",
        "tenders",
        "government",
        "GP surgery",
        "GP surgeries",
        "social care",
        "test bed",
        "testbed",
        "smart city",
        "planning department",
        "civil service",
        "police",
        "fire service",
        "public bodies",
        "public body",
        "commissioning",
        "council services",
    ),
    ES: (
        "skills",
        "skills gap",
        "skills shortage",
        "apprentice",
        "apprentices",
        "apprenticeship",
        "training",
        "graduates",
        "graduate",
        "university",
        "universities",
        "college",
        "colleges",
        "students",
        "student",
        "recruit",
        "recruiting",
        "recruitment",
        "hiring",
        "hire",
        "vacancies",
        "talent",
        "T levels",
        "school leavers",
        "upskilling",
        "internship",
        "placement",
        "placements",
        "courses",
        "qualified staff",
        "skilled staff",
        "engineers",
    ),
    INF: (
        "rail",
        "railway",
        "train",
        "trains",
        "station",
        "road",
        "roads",
        "bypass",
        "potholes",
        "congestion",
        "traffic",
        "bus",
        "buses",
        "bus service",
        "broadband",
        "fibre",
        "full fibre",
        "mobile signal",
        "mobile coverage",
        "4G",
        "5G",
        "signal",
        "power supply",
        "grid connection",
        "electricity supply",
        "utilities",
        "water supply",
        "premises",
        "office space",
        "industrial unit",
        "industrial units",
        "workshop units",
        "commercial property",
        "parking",
        "connectivity",
        "internet",
        "transport links",
        "airport",
        "junction",
        "roadworks",
        # GUIDE.md: units, labs, workshops and grow-on space to rent or buy, whoever needs them
        "commercial premises",
        "grow-on space",
        "grow-on",
        "lab space",
        "laboratory space",
        "workshop space",
        "studio space",
        "clean room",
        "cleanroom",
        "bench space",
        "space to rent",
        "units to rent",
    ),
    ENV: (
        "countryside",
        "green space",
        "green spaces",
        "green belt",
        "park",
        "woods",
        "woodland",
        "nature",
        "biodiversity",
        "low carbon",
        "low-carbon",
        "net zero",
        "carbon emissions",
        "emissions",
        "air quality",
        "pollution",
        "quality of life",
        "wellbeing",
        "well-being",
        "cost of living",
        "house prices",
        "housing costs",
        "affordable housing",
        "work-life balance",
        "sustainability",
        "sustainable",
        "climate",
        "solar panels",
        "renewable",
        "recycling",
        "environment",
        "footpaths",
        "walks",
        "decarbonise",
        "carbon footprint",
        "rents",
    ),
}


@dataclass(frozen=True)
class Hit:
    """One gazetteer match: the matched text, its kind and the theme(s) it signals."""

    text: str
    kind: str  # "asset", "place" or "keyword"
    themes: tuple[str, ...]
    start: int
    end: int


def _variants(phrase: str) -> list[str]:
    """The phrase plus a naive plural of its last word, e.g. 'charge point' -> 'charge points'."""
    out = [phrase]
    if phrase[-1:].isalpha() and phrase.lower() == phrase and not phrase.endswith("s"):
        out.append(phrase + ("es" if phrase.endswith(("x", "ch", "sh")) else "s"))
    return out


def _entries() -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, phrase, themes) for every gazetteer entry, assets from the seeds included."""
    entries: dict[tuple[str, str], tuple[str, set[str]]] = {}

    def add(kind: str, phrase: str, themes: tuple[str, ...]) -> None:
        key = (kind, phrase.lower())
        held = entries.setdefault(key, (phrase, set()))
        held[1].update(themes)

    for t in load_themes():
        for asset in t.assets:
            add("asset", asset, ())
    for phrase, themes in ASSETS.items():
        add("asset", phrase, themes)
    for place in PLACES:
        add("place", place, ())
    for theme_id, words in [*KEYWORDS.items(), *wider_keywords().items()]:
        for word in words:
            for variant in _variants(word):
                add("keyword", variant, (theme_id,))
    order = {t: i for i, t in enumerate(THEME_IDS)}
    return [
        (kind, phrase, tuple(sorted(themes, key=order.__getitem__)))
        for (kind, _), (phrase, themes) in sorted(entries.items())
    ]


class Gazetteer:
    """PhraseMatcher over assets, places and keywords (lower-case matching)."""

    def __init__(self) -> None:
        from bot.tagging._imports import import_spacy

        spacy = import_spacy()
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._info: dict[str, tuple[str, tuple[str, ...]]] = {}
        by_key: dict[str, list] = defaultdict(list)
        for kind, phrase, themes in _entries():
            key = f"{kind}|{'+'.join(themes)}"
            self._info[key] = (kind, themes)
            by_key[key].append(self.nlp.make_doc(phrase))
        for key, docs in by_key.items():
            self.matcher.add(key, docs)

    def hits(self, doc_or_text: Doc | str) -> list[Hit]:
        """Longest non-overlapping matches, in text order (assets win over keywords/places)."""
        from spacy.util import filter_spans

        doc = doc_or_text if not isinstance(doc_or_text, str) else self.nlp.make_doc(doc_or_text)
        merged: dict[tuple[int, int], tuple[str, set[str]]] = {}
        rank = {"asset": 0, "keyword": 1, "place": 2}
        for match_id, start, end in self.matcher(doc):
            kind, themes = self._info[self.nlp.vocab.strings[match_id]]
            held_kind, held_themes = merged.get((start, end), (kind, set()))
            best = kind if rank[kind] < rank[held_kind] else held_kind
            merged[(start, end)] = (best, held_themes | set(themes))
        spans = filter_spans([doc[s:e] for s, e in merged])
        order = {t: i for i, t in enumerate(THEME_IDS)}
        out: list[Hit] = []
        for span in sorted(spans, key=lambda s: s.start):
            kind, span_themes = merged[(span.start, span.end)]
            ordered = tuple(sorted(span_themes, key=order.__getitem__))
            out.append(Hit(span.text, kind, ordered, span.start_char, span.end_char))
        return out

    def theme_hits(self, text: str) -> dict[str, list[str]]:
        """Matched phrases per theme id (only themes with at least one hit)."""
        found: dict[str, list[str]] = {}
        for hit in self.hits(text):
            for theme_id in hit.themes:
                phrases = found.setdefault(theme_id, [])
                if hit.text not in phrases:
                    phrases.append(hit.text)
        return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once)."""
    return Gazetteer()
