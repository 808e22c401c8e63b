"""What a message says outright carries its theme, whatever the classifier scored.

Applied to a message's scores before the thresholds decide (`TrainedTagger.tag_many`). Each
rule lifts a theme's score to its threshold and says why in the evidence:
1. a short reply that is only a named subject ("Silverstone Park", "skills"), or an asset
   that is a sentence of its own ("Silverstone. That's the answer to half your
   questions."): `features.named_outright`, `features.named_in_a_sentence`;
2. the question answered, unless the answer turns it down: `question_context`;
3. a clause that states a need outright ("can't find biomedical scientists"): `needs`;
4. a clause that states a view outright about a public buyer or a transport link ("the
   hospital buys our mattresses", "sort out the road to it"): `stated_views`;
5. a clause naming a programme GUIDE.md files under one theme ("a KTP", "an SBRI contract",
   "CPD") or the planned housing growth ("the Garden Town"): `programmes`;
6. optionally (`term_rule`), a term that predicts a theme precisely: `terms`.
The classifier weighs a message as a whole, so each of these is a case where it can be
outvoted by the rest of the message; GUIDE.md says they carry their theme regardless.
The other way round, one case where the classifier hears a theme the message does not state:
7. a road that is only where a driverless trial runs or where the air is bad, or the rent of
   a home, with no other transport or premises word, does not carry infrastructure:
   `incidental_infrastructure` (never when a rule above stated it or the question asked
   about it);
8. likewise the rent of premises stated as a need, with no word of people, homes or the
   surroundings, does not carry environment_quality_of_life: `only_premises_rent`;
9. a public body buying from or trialling with small firms, with no word of starting,
   funding or growing one, does not carry entrepreneurialism: `public_buying`;
10. broadband, fibre or the signal, with no word of data or software, does not carry
   digital_science: `connectivity`;
11. a subject the business sets aside ("the roads are fine for us, it's staff") carries no
   theme when nothing else in the message names it: `set_aside`;
12. an island the business says it is not in ("not a space business", "no, not
   rockets") carries no theme, from its words or from the question: `disowned`;
13. an island's asset named only as a place the business drives to or parks at ("anywhere
   to park at stoke mandeville hospital when we refill the machines"), only passed by or
   toured ("drove past the rocket place at westcott"), or only as where someone else works,
   carries no theme: `landmarks`;
14. and a reply that is only a named subject ("The Chiltern line") carries that subject's
   themes, its question's and what a rule above states, and no other (`bare_only_named`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging.connectivity import only_connectivity
from bot.tagging.disowned import disowned_islands
from bot.tagging.features import named_in_a_sentence, named_outright
from bot.tagging.incidental_infrastructure import only_incidental, only_premises_rent
from bot.tagging.landmarks import (
    only_a_place,
    only_passed_by,
    only_someone_elses,
    passing_asides,
    someone_elses_jobs,
)
from bot.tagging.needs import stated_needs
from bot.tagging.programmes import named_plans, named_programmes
from bot.tagging.public_buying import only_public_buying
from bot.tagging.question_context import named_across_the_boundary, question_theme, turns_down
from bot.tagging.set_aside import set_aside_clauses, stated_only_there
from bot.tagging.stated_views import stated_views

if TYPE_CHECKING:
    from bot.tagging.model import TrainedTagger


def lift(
    tagger: TrainedTagger,
    i: int,
    text: str,
    question_key: str | None,
    scores: np.ndarray,
    parts: dict,
) -> tuple[str | None, dict[int, list[str]]]:
    """Raise message `i`'s `scores` (its row, in place) for what it says outright. Returns
    the question's theme when it is kept as a prior, and the evidence lines the needs and
    terms add (theme index -> lines, shown first)."""
    thresholds = tagger.thresholds

    def carry(j: int) -> None:
        scores[j] = max(scores[j], thresholds[j])

    named = named_outright(parts["prepared"][i], parts["hits"][i])
    for theme_id in named:
        carry(THEME_IDS.index(theme_id))
    for theme_id in named_in_a_sentence(parts["prepared"][i], parts["hits"][i]):
        carry(THEME_IDS.index(theme_id))
    asked = question_theme(question_key)
    disowned = disowned_islands(text) if tagger.config.get("disowned_islands") else set()
    if asked is not None and (
        asked in disowned
        or named_across_the_boundary(asked, named)
        or turns_down(tagger, i, text, parts)
    ):
        asked = None
    if asked is not None:
        carry(THEME_IDS.index(asked))
    evidence: dict[int, list[str]] = {}
    # An answer kept as a view on its question carries a theme whatever the gate said, so
    # the gate's "no theme" no longer stands between it and what it states ("Same as
    # everyone. Can't get people." to the barriers question: the gate cleared the need).
    clauses = parts["segments"][i]
    through = asked is not None or _gate_lets_through(tagger, i, parts)
    # A need or view stated in a clause that is not a question stands even when the gate
    # cleared the message ("Another morning, another 40 mins to go 3 miles through
    # Aylesbury."): on the checking sets, 5 of 5 such firings carry the theme. Programmes and
    # plans stay behind the gate: "What does housing growth actually cover?" names one.
    statements = [c for c in clauses if not c.rstrip().endswith("?")]
    for key, rule, label, past_gate in (
        ("stated_needs", stated_needs, "need", True),
        ("stated_views", stated_views, "view", True),
        ("named_programmes", named_programmes, "programme", False),
        ("named_plans", named_plans, "plan", False),
    ):
        read = clauses if through else statements if past_gate else []
        if tagger.config.get(key) and read:
            for theme_id, phrase in rule(read).items():
                j = THEME_IDS.index(theme_id)
                carry(j)
                evidence.setdefault(j, []).append(f"{label}: {phrase}")
    if tagger.terms:
        fired = tagger.terms.fired(clauses, scores, parts["segment_scores"][i], through)
        for j, term in fired.items():
            carry(j)
            evidence.setdefault(j, []).insert(0, f"term: {term.removeprefix('gaz:')}")
    if tagger.config.get("incidental_infrastructure"):
        j = THEME_IDS.index("infrastructure")
        on = scores[j] >= thresholds[j]  # most messages: infrastructure is off, nothing to read
        if on and j not in evidence and asked != "infrastructure" and only_incidental(clauses):
            scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
    if tagger.config.get("premises_rent"):
        j = THEME_IDS.index("environment_quality_of_life")
        on = scores[j] >= thresholds[j]
        needs = evidence.get(THEME_IDS.index("infrastructure"), [])
        if on and j not in evidence and asked != THEME_IDS[j] and only_premises_rent(text, needs):
            scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
    if tagger.config.get("public_buying"):
        j = THEME_IDS.index("entrepreneurialism")
        on = scores[j] >= thresholds[j]
        # never its only theme: "The tender portal is impossible for a small business like
        # ours" would lose the view altogether
        others = int((scores >= thresholds).sum()) - 1
        if (
            on
            and others
            and j not in evidence
            and asked != THEME_IDS[j]
            and only_public_buying(text)
        ):
            scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
    if tagger.config.get("connectivity_not_digital"):
        j = THEME_IDS.index("digital_science")
        on = scores[j] >= thresholds[j]
        if on and j not in evidence and asked != THEME_IDS[j] and only_connectivity(text):
            scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
    if tagger.config.get("set_aside"):
        # the cleaned text: "@btvlep the roads are fine for us" opens with the subject
        for theme_id, set_aside in set_aside_clauses(parts["prepared"][i]).items():
            j = THEME_IDS.index(theme_id)
            if asked != theme_id and stated_only_there(evidence.get(j, []), set_aside):
                scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
                evidence.pop(j, None)
    for theme_id in disowned:
        j = THEME_IDS.index(theme_id)
        if j not in evidence:
            scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
    if tagger.config.get("landmark_places"):
        # an asset only as where the business goes, or only as where someone else works (a
        # rule that read the story itself, "a pupil ... on driverless car trials", no bar)
        stories = someone_elses_jobs(text) + passing_asides(text)
        passing = only_a_place(text) | only_passed_by(text)
        for theme_id in passing | only_someone_elses(text, stories):
            j = THEME_IDS.index(theme_id)
            told = j in evidence and stories and stated_only_there(evidence[j], stories)
            if (j not in evidence or told) and asked != theme_id:
                scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
                evidence.pop(j, None)
    if named and tagger.config.get("bare_only_named"):
        kept = {THEME_IDS.index(t) for t in named} | set(evidence)
        if asked is not None:
            kept.add(THEME_IDS.index(asked))
        for j in range(len(THEME_IDS)):
            if j not in kept:
                scores[j] = min(scores[j], thresholds[j] - _JUST_BELOW)
    return asked, evidence


_JUST_BELOW = 1e-3  # a withheld theme's score: under its threshold, and still shown


def _gate_lets_through(tagger: TrainedTagger, i: int, parts: dict) -> bool:
    """Did the any-theme gate pass message `i`? A greeting or a process question that
    happens to name a need or a term carries no theme."""
    gate, cut = parts["gate"], tagger.config.get("gate_threshold") or 0.0
    return gate is None or not cut or bool(gate[i] >= cut)
