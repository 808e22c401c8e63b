"""The answer head: is an answer that names no theme a view on its question, or a refusal?

"Can't get anyone", said to the skills question, names nothing, yet it is a view on skills;
"not really our thing, we do weddings" names nothing either and turns the question down.
The training messages carry no question, so the main LRs cannot learn this. The head is one
logistic regression over the same features, fitted on `data/tagger/question-answers.jsonl`:
answers to the bot's questions, most by a writer who saw no checking set, each marked
whether it takes its question's theme. The served tagger asks it only when the gate finds no
theme in an answer's words and the answer has a word of refusal in it
(`question_context.turns_down`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.tagging.features import gazetteer_features
from bot.tagging.model import TrainedTagger, prepare
from bot.tagging.question_context import question_theme
from bot.tagging.training.data import DATA_DIR

ANSWERS_PATH = DATA_DIR / "question-answers.jsonl"


@dataclass(frozen=True)
class Answer:
    id: str
    question_key: str
    text: str
    takes_question_theme: bool


def load_answers(path: Path = ANSWERS_PATH) -> list[Answer]:
    """Read the answers file; a line without a theme question or a yes/no mark is an error."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        key, mark = obj.get("question_key"), obj.get("takes_question_theme")
        if question_theme(key) is None or not isinstance(mark, bool):
            raise ValueError(f"{path}:{n}: needs a theme question_key and a true/false mark")
        out.append(Answer(str(obj.get("id", n)), key, str(obj["text"]), mark))
    return out


def fit_answer_head(
    tagger: TrainedTagger, answers: list[Answer], C: float
) -> tuple[np.ndarray, float]:
    """The head's weights over the tagger's features (as the gate's are)."""
    from sklearn.linear_model import LogisticRegression

    texts = [prepare(a.text, tagger.config) for a in answers]
    emb = tagger.encoder.encode(texts) if tagger.config["use_embeddings"] else None
    gaz, _ = gazetteer_features(texts)
    X = tagger.featurizer.transform(texts, emb, gaz)
    y = np.array([int(a.takes_question_theme) for a in answers])
    lr = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", solver="lbfgs")
    lr.fit(X, y)
    return lr.coef_[0].astype(np.float64), float(lr.intercept_[0])
