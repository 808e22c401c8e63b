"""One message that answers several questions of a theme under labels, as people paste
from a form or an email ("Opportunities: ... Barriers: ... Help: ..."): each part is kept
against its own question instead of the whole against the first and the others asked
again (the ninth set of unseen conversations). No Rasa imports.
"""

from __future__ import annotations

import re

# A label at the start of a line, then ":" or a dash. Only on lines of their own: labels
# typed inline in one line ("opportunity: ... problem: ...", the eighth set) answer the
# question asked, and the next question is still asked.
LABEL = re.compile(
    r"(?:^|\n)[ \t]*[-*•]?[ \t]*"
    r"(?P<label>opportunit(?:y|ies)|barriers?|problems?|challenges?|obstacles?|"
    r"(?:what would )?help(?: needed)?|what would help|needs?|asks?|solutions?)"
    r"[ \t]*(?::|[-–—])[ \t]*",
    re.IGNORECASE,
)
QUESTION_OF_LABEL = {
    "opportunit": "opportunities",
    "barrier": "barriers",
    "problem": "barriers",
    "challenge": "barriers",
    "obstacle": "barriers",
    "help": "help",
    "what would help": "help",
    "need": "help",
    "ask": "help",
    "solution": "help",
}
MIN_PARTS = 2


def _question(label: str) -> str | None:
    low = label.lower()
    return next((q for stem, q in QUESTION_OF_LABEL.items() if low.startswith(stem)), None)


def labelled_answers(text: str) -> dict[str, str]:
    """The answers a labelled message gives, by question ("opportunities", "barriers",
    "help"); empty unless it labels at least two different questions, each on a line of
    its own, and starts with one (an answer that mentions "help:" once is an answer)."""
    labels = list(LABEL.finditer(text))
    if not labels or text[: labels[0].start()].strip():
        return {}
    parts: dict[str, str] = {}
    for i, match in enumerate(labels):
        question = _question(match.group("label"))
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        said = text[match.end() : end].strip()
        if question and said:
            parts[question] = f"{parts[question]} {said}" if question in parts else said
    return parts if len(parts) >= MIN_PARTS else {}
