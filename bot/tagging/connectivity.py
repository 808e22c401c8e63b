"""Broadband and the mobile signal are infrastructure, not digital science.

GUIDE.md puts broadband and connectivity under `infrastructure` and data, AI and software
under `digital_science`. The classifier hears "fibre", "4G" or "upload" and adds digital
science: set BG's subtitler ("Our broadband can't cope with uploading a full series ...")
kept it. (Its drone surveyor, "... no fibre and the 4G comes and goes, so we drive the data
to clients on hard drives", names data and keeps it.) Of the 502 training messages that
name connectivity and no digital subject, 5 carry digital_science (1.0%). So digital
science is withheld from a message whose only digital words are connectivity, unless a
rule stated it or the question asked about it (`outright.lift`).
"""

from __future__ import annotations

import re

_CONNECTIVITY = re.compile(
    r"\b(?:broadband|fibre|fiber|4g|5g|mobile signal|phone signal|signal|wifi|wi-fi|internet|"
    r"connection|connectivity|upload\w*|download\w*|bandwidth)\b",
    re.IGNORECASE,
)
# Any word that makes the message about data, software or computing after all
_DIGITAL = re.compile(
    r"\b(?:data|software|ai|a\.i\.|cyber\w*|digital|apps?|platforms?|cloud|"
    r"analytics|machine learning|algorithm\w*|coding|code|developers?|devs?|it|tech|"
    r"computer\w*|servers?|automation|online|websites?|systems?|databases?|models?|sensors?|"
    r"iot|saas|programm\w*|hosting|robots?|autonomous|navigation)\b",
    re.IGNORECASE,
)


def only_connectivity(text: str) -> bool:
    """The message names connectivity and nothing that is data, software or computing."""
    return _CONNECTIVITY.search(text) is not None and _DIGITAL.search(text) is None
