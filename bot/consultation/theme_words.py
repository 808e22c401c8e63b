"""Everyday words people use for each theme, beyond its name and the assets in
`seeds/themes.yml`: read when a business names the themes it picks or corrects. Split from
questions.py. No Rasa imports.
"""

from __future__ import annotations

# Everyday words people use for each theme, beyond its name and named assets.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "creative_digital": (
        "creative",
        "film",
        "films",
        "tv",
        "television",
        "games",
        "gaming",
        "media",
        "vfx",
        "screen",
        "studio",
        "studios",
        "pinewood",
        "animation",
        "post-production",
        "post production",
        "visual effects",
    ),
    "intelligent_mobility": (
        "mobility",
        "autonomous",
        "driverless",
        "electric vehicle",
        "ev",
        "evs",
        "logistics",
        "transport tech",
        "vehicles",
        "connected vehicles",
        # trade acronyms and jargon (set X: "composites and CAV" chose composites alone)
        "cav",
        "cavs",
        "connected and autonomous",
        "self-driving",
        "self driving",
    ),
    "medical_technologies": (
        "medtech",
        "med tech",
        "medical",
        "health tech",
        "healthtech",
        "diagnostics",
        "stoke mandeville",
        "rehab",
        "rehabilitation",
        "assistive",
        "life sciences",
        "medical devices",
        "assistive technology",
        "digital health",
    ),
    "high_performance_technology": (
        "high performance",
        # "@btvlep high perf" (set BA: "didn't catch")
        "high perf",
        "hi perf",
        "motorsport",
        "motor sport",
        "silverstone",
        "f1",
        "formula 1",
        "engineering",
        "advanced manufacturing",
        "manufacturing",
        "composites",
        "hpt",
        "precision engineering",
        "performance engineering",
    ),
    "space": (
        "space",
        "westcott",
        "satellite",
        "satellites",
        "rocket",
        "propulsion",
        # set X: "EO" at the islands choice was not caught
        "eo",
        "earth observation",
        "satcom",
        "satcoms",
    ),
    "entrepreneurialism": (
        "entrepreneur",
        "entrepreneurs",
        "entrepreneurialism",
        "entrepreneurship",
        "start-ups",
        "startups",
        "start ups",
        # "Help for new firms, and the training one" at the seabed choice (set BD)
        "new firms",
        "new businesses",
        "scale-ups",
        "business support",
        "finance",
        "investment",
        "ktp",
        "ktps",
        "knowledge transfer",
        "spin-outs",
        "spinouts",
        "incubator",
        "accelerator",
    ),
    "housing_growth": (
        "housing",
        "homes",
        "new homes",
        # "New houses, the council one and green stuff" (set BD); not "houses" alone: "none
        # of those, we wire houses" at the islands (set AI) chose no driver
        "new houses",
        "construction",
        "house building",
        "mmc",
        "modern methods of construction",
        "offsite construction",
        "modular homes",
    ),
    "digital_science": (
        "digital science",
        "data",
        "ai",
        "artificial intelligence",
        "software",
        "cyber",
        "analytics",
        "digital",
    ),
    "intelligent_public_services": (
        "public services",
        "public sector",
        "council",
        "nhs",
        "procurement",
        "sbri",
        "g-cloud",
    ),
    "education_skills": (
        "skills",
        "education",
        "training",
        "apprenticeships",
        "apprentices",
        "universities",
        "university",
        "colleges",
        "college",
        "recruitment",
        "talent",
        "cpd",
        "apprenticeship levy",
    ),
    "infrastructure": (
        "infrastructure",
        "infra",  # "ok. skills and infra then" (set AM)
        "hs2",
        "heathrow",
        "east-west rail",
        "east west rail",
        "rail",
        "roads",
        "road",
        "broadband",
        "transport links",
        # "Transport. And the environment, mainly." at the seabed choice (set AR chose
        # only the environment); "transport tech" (longer) stays intelligent mobility
        "transport",
        # "getting about & the chilterns one" (set BD chose the environment alone)
        "getting about",
        "getting around",
        "connectivity",
        "premises",
        "5g",
        "4g",
        "full fibre",
        "fibre",
        "mobile coverage",
        "mobile signal",
    ),
    "environment_quality_of_life": (
        "environment",
        "enviro",
        "quality of life",
        "chilterns",
        "chiltern",
        "countryside",
        "green",
        "net zero",
        "wellbeing",
        "clean growth",
        "aonb",
        "air quality",
        "low carbon",
    ),
}

# Everyday words for a theme that are read only as typed: each is one letter from a
# common word ("funding" / "finding", "loans" / "loads"), so the typo fixer that reads
# "creatve" as "creative" must not learn them. The money side (set AD: "the second one is
# mainly about money, you've missed that" was kept as one more view).
EXACT_ONLY: dict[str, tuple[str, ...]] = {
    "entrepreneurialism": (
        "money",
        "funding",
        "investors",
        "cash",
        "cashflow",
        "cash flow",
        "loans",
        "grants",
    ),
}


def everyday_words(theme_id: str) -> tuple[str, ...]:
    """Every everyday word for a theme: SYNONYMS and EXACT_ONLY."""
    return SYNONYMS.get(theme_id, ()) + EXACT_ONLY.get(theme_id, ())
