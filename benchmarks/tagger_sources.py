"""Which part of the served tagger puts each theme on, and how often it is right.

For every theme the tagger gives a message of a labelled set, the source is the classifier
when its score cleared the threshold before any outright rule, else the rule that lifted it
(the question answered, a named subject, a stated need or view, a programme or plan). Prints
counts only (right / wrong per source, then the wrong ones per source and theme), so the
never-read checks can be measured without reading their messages.

    .venv/bin/python benchmarks/tagger_sources.py [FILE.jsonl ...]

Default: the never-read checks `benchmarks/data/tagger_unseen_*.jsonl`. The rules'
numbers in bot/tagging/README.md (thirty-fifth session) come from this script.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.strategy import THEME_IDS  # noqa: E402
from bot.tagging import engine  # noqa: E402
from bot.tagging.features import named_in_a_sentence, named_outright  # noqa: E402
from bot.tagging.outright import lift  # noqa: E402
from bot.tagging.training.data import load  # noqa: E402

DEFAULT_SETS = sorted((ROOT / "benchmarks" / "data").glob("tagger_unseen_*.jsonl"))


def sources(paths: list[Path]) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(source, "right"/"wrong") -> themes tagged; (source, theme) -> wrong themes. A theme
    a rule takes off counts under ("cleared", "right"/"wrong")."""
    tagger = engine()
    tally: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    for path in paths:
        examples = load(path)
        scores, parts = tagger.scores([e.text for e in examples], cascade=True)
        for i, example in enumerate(examples):
            before = {j for j in range(len(THEME_IDS)) if scores[i, j] >= tagger.thresholds[j]}
            asked, evidence = lift(tagger, i, example.text, example.question_key, scores[i], parts)
            after = {j for j in range(len(THEME_IDS)) if scores[i, j] >= tagger.thresholds[j]}
            prepared, hits = parts["prepared"][i], parts["hits"][i]
            named = set(named_outright(prepared, hits)) | set(named_in_a_sentence(prepared, hits))
            for j in after:
                theme_id = THEME_IDS[j]
                if j in before:
                    source = "classifier"
                elif theme_id in named:
                    source = "named"
                elif theme_id == asked:
                    source = "question"
                else:
                    source = evidence.get(j, ["other"])[0].split(":")[0]
                right = theme_id in example.themes
                tally[(source, "right" if right else "wrong")] += 1
                if not right:
                    wrong[(source, theme_id)] += 1
            for j in before - after:
                tally[("cleared", "wrong" if THEME_IDS[j] in example.themes else "right")] += 1
    return tally, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_SETS)
    args = parser.parse_args()
    tally, wrong = sources(args.files)
    print(f"{len(args.files)} sets; themes tagged by source (right / wrong):")
    for source in sorted({s for s, _ in tally}):
        print(f"  {source:12s} {tally[(source, 'right')]:5d} / {tally[(source, 'wrong')]}")
    print("wrong themes by source and theme:")
    for (source, theme_id), n in wrong.most_common():
        print(f"  {source:12s} {theme_id:30s} {n}")


if __name__ == "__main__":
    main()
