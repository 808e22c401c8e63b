"""The served theme tagger: loads models/tagger/ once and tags messages.

How a message is scored (numbers behind each choice are in README.md):
1. `clean`: links, @handles, the campaign hashtag and emoji go; "#skills" keeps its word.
2. The whole message and, when it has two or more clauses, each clause (`segments`) are
   scored in one encoder call: per theme a logistic regression over TF-IDF, gazetteer and
   MiniLM-embedding features, blended with a nearest-neighbour vote over the training
   messages (`neighbours.blend`).
3. A theme's score is the larger of the whole message's and the mean of the whole message's
   and its best clause's: a second subject in its own clause ("…, and the A41 is gridlocked")
   is no longer drowned by the first, while one stray clause alone cannot tag a theme the
   message as a whole gives no sign of.
4. A gate (one more logistic regression: "does this message carry any theme at all?") clears
   every theme of greetings, process questions that name a theme word and negations.
5. Per-theme thresholds, tuned on cross-validated scores of the training data, decide.
6. A short reply that is mostly a named subject ("Silverstone Park", "skills") carries it.
7. The question being answered is an input: an answer to the Space question is about Space,
   whatever else it names, unless it turns the question down ("None really, we're a florist").
8. A clause that states a need outright ("can't find biomedical scientists", "we need
   somewhere bigger") carries education_skills or infrastructure (`needs.py`).
9. Optionally (`term_rule` in the config; off, see README.md): a term that predicts a theme
   precisely on the training data, named in a clause, carries that theme (`terms.py`).
Evidence per tagged theme: gazetteer spans, the word n-grams with the largest contribution,
the clause that carried it, the most similar training message, or the question answered.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging.clauses import combine, owners, uncertain
from bot.tagging.clean import clean
from bot.tagging.evidence import Evidence
from bot.tagging.features import (
    Featurizer,
    gazetteer_features,
    one_blas_thread,
    sigmoid,
)
from bot.tagging.neighbours import NearestExamples, blend
from bot.tagging.outright import lift
from bot.tagging.protocols import SentenceEncoder
from bot.tagging.result import TagResult
from bot.tagging.segments import new_subject_marks, segment_spans
from bot.tagging.terms import TermRule

ENCODER_FILE = "encoder.onnx"


def prepare(text: str, config: dict) -> str:
    """The text the model sees (cleaned, unless the cleaning leaves nothing)."""
    if not config.get("clean"):
        return text
    return clean(text) or text


class TrainedTagger:
    """The production engine: loads models/tagger/ once, tags batches of texts."""

    def __init__(
        self,
        config: dict,
        featurizer: Featurizer,
        W: np.ndarray,
        b: np.ndarray,
        thresholds: np.ndarray,
        example_texts: list[str],
        example_labels: np.ndarray,
        example_emb: np.ndarray,
        version: str,
        encoder: SentenceEncoder | None = None,
        gate: tuple[np.ndarray, float] | None = None,
        terms: TermRule | None = None,
        answer_head: tuple[np.ndarray, float] | None = None,
    ) -> None:
        self.config = config
        self.featurizer = featurizer
        self.W = W
        self.b = b
        self.thresholds = thresholds
        self.example_texts = example_texts
        self.example_labels = example_labels
        self.example_emb = example_emb
        self.nearest = NearestExamples(example_emb)
        self.version = version
        self.gate = gate
        self.answer_head = answer_head
        self.terms = terms or TermRule()
        self._encoder = encoder
        self.encoder_path: Path | None = None  # the model's own tuned encoder, if it has one
        self._blocks = featurizer.blocks()
        # The sparse TF-IDF blocks' weights in the features' own float64: scipy would
        # otherwise upcast the float32 slice (10 MB) on every call, 0.4 ms of a message's
        # 0.01 ms product. The sums are the same ones.
        self._sparse_W = {
            name: W[lo:hi].astype(np.float64)
            for name, (lo, hi) in self._blocks.items()
            if name in ("word", "char")
        }
        self._evidence = Evidence(self)

    # -- persistence -------------------------------------------------------------------
    def save(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "tfidf.json").write_text(
            json.dumps(self.featurizer.to_dict(), ensure_ascii=False, sort_keys=True),
            encoding="utf-8",
        )
        gate = {}
        if self.gate is not None:
            gate = {"gate_W": self.gate[0].astype(np.float32), "gate_b": np.array(self.gate[1])}
        if self.answer_head is not None:
            gate["answer_W"] = self.answer_head[0].astype(np.float32)
            gate["answer_b"] = np.array(self.answer_head[1])
        np.savez(
            out_dir / "weights.npz",
            W=self.W.astype(np.float32),
            b=self.b,
            thresholds=self.thresholds,
            example_labels=self.example_labels,
            example_emb=self.example_emb.astype(np.float32),
            **gate,
        )
        (out_dir / "examples.json").write_text(
            json.dumps(self.example_texts, ensure_ascii=False), encoding="utf-8"
        )
        if self.terms:
            self.terms.save(out_dir / "terms.json")
        else:  # never leave another model's terms beside this one
            (out_dir / "terms.json").unlink(missing_ok=True)

    @classmethod
    def load(cls, model_dir: Path, meta: dict) -> TrainedTagger:
        featurizer = Featurizer.from_dict(
            meta["config"], json.loads((model_dir / "tfidf.json").read_text(encoding="utf-8"))
        )
        arrays = np.load(model_dir / "weights.npz")
        texts = json.loads((model_dir / "examples.json").read_text(encoding="utf-8"))
        gate = None
        if "gate_W" in arrays.files:
            gate = (arrays["gate_W"].astype(np.float64), float(arrays["gate_b"]))
        answer_head = None
        if "answer_W" in arrays.files:
            answer_head = (arrays["answer_W"].astype(np.float64), float(arrays["answer_b"]))
        tagger = cls(
            meta["config"],
            featurizer,
            arrays["W"],
            arrays["b"],
            arrays["thresholds"],
            texts,
            arrays["example_labels"],
            arrays["example_emb"].astype(np.float32),
            meta["version"],
            gate=gate,
            terms=TermRule.load(model_dir / "terms.json"),
            answer_head=answer_head,
        )
        if meta["config"].get("encoder_finetune"):
            tagger.encoder_path = model_dir / ENCODER_FILE
        tagger.encoder  # noqa: B018  (load the embedding model now, not on the first message)
        if meta["config"].get("knn_weight") and meta["config"]["use_embeddings"]:
            tagger.nearest.session()  # and the neighbour search
        from bot.tagging.gazetteer import gazetteer

        gazetteer()
        return tagger

    @property
    def encoder(self):  # noqa: ANN201
        if self._encoder is None and self.config["use_embeddings"]:
            from bot.tagging.embed import Encoder

            self._encoder = Encoder(
                graph=self.config.get("encoder_graph", "int8-weights"), path=self.encoder_path
            )
        return self._encoder

    # -- inference ---------------------------------------------------------------------
    def scores(self, texts: list[str], cascade: bool = False) -> tuple[np.ndarray, dict]:
        """Final scores (n, 12) before thresholds, and the parts used for evidence.

        `cascade`: as served (`tag_many`), clauses encoded on their own only where that can
        change a tag (config `clause_vectors: cascade`); otherwise every clause is, as
        cross-validation needs before the thresholds exist.
        BLAS is held to one thread: for one short message the overheads otherwise cost
        more than the arithmetic.
        """
        with one_blas_thread():
            return self._scores(texts, cascade)

    def _scores(self, texts: list[str], cascade: bool = False) -> tuple[np.ndarray, dict]:
        c = self.config
        prepared = [prepare(t, c) for t in texts]
        n = len(prepared)
        spans = [segment_spans(t) if c.get("segment_weight") else [(0, len(t))] for t in prepared]
        segs = [[t[a:b] for a, b in ss] for t, ss in zip(prepared, spans, strict=True)]
        clauses = [s for ss in segs if len(ss) > 1 for s in ss]
        # clauses in a sentence that announces a new subject; read only by a model that
        # weighs them (`marked_clause_weight`: models saved before it do not)
        marked = (
            np.array(
                [
                    m
                    for t, ss in zip(prepared, spans, strict=True)
                    if len(ss) > 1
                    for m in new_subject_marks(t, ss)
                ],
                dtype=bool,
            )
            if c.get("marked_clause_weight") is not None
            else None
        )
        mode = c.get("clause_vectors", "separate") if c["use_embeddings"] and clauses else ""
        if mode == "cascade" and not cascade:
            mode = "separate"
        emb = None
        alone = np.zeros(n, dtype=np.int64)  # clauses per message encoded on their own
        if mode == "separate":
            alone[:] = [len(ss) if len(ss) > 1 else 0 for ss in segs]
        if mode in ("span", "cascade"):
            whole, parts_emb = self.encoder.encode_with_spans(
                prepared, [ss if len(ss) > 1 else [] for ss in spans]
            )
            emb = np.vstack([whole, *[p for p in parts_emb if len(p)]])
        P_all, gate_all, parts = self._raw_scores(prepared + clauses, emb)
        if emb is not None:
            # clauses the whole pass did not see (cut off at the encoder's token limit) and,
            # in the cascade, clauses near a threshold: encoded on their own
            redo = ~np.any(emb[n:], axis=1)
            if mode == "cascade":
                redo |= uncertain(P_all, gate_all, segs, self.thresholds, c, marked)
            if redo.any():
                rows = n + np.flatnonzero(redo)
                # only the vector changes: the clause's own text features are kept
                vectors = self.encoder.encode([clauses[r - n] for r in rows])
                text_logits = parts["text_logits"][0][rows]
                P_all[rows] = self._with_vectors(text_logits, None, vectors, parts["gaz"][rows])[0]
                np.add.at(alone, owners(segs)[redo], 1)
        P, seg_scores = combine(
            P_all, segs, c.get("segment_weight", 0.0), marked, c.get("marked_clause_weight")
        )
        gate = gate_all[:n] if gate_all is not None else None
        if gate is not None and c.get("gate_threshold"):
            P[gate < c["gate_threshold"]] = 0.0
        return P, {
            "word": parts["word"][:n] if parts["word"] is not None else None,
            "emb": parts["emb"][:n] if parts["emb"] is not None else None,
            "gaz": parts["gaz"][:n],
            "hits": parts["hits"][:n],
            "prepared": prepared,
            "segments": segs,
            "segment_scores": seg_scores,
            "clauses_encoded_alone": alone,
            "gate": gate,
            # each message's nearest training examples (similarities, indexes), for evidence
            "neighbours": (
                (parts["neighbours"][0][:n], parts["neighbours"][1][:n])
                if parts["neighbours"] is not None
                else None
            ),
        }

    def _raw_scores(
        self,
        texts: list[str],
        emb: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray | None, dict]:
        """Per text: the LR probabilities blended with the neighbour vote, and the gate's
        probability that the text carries any theme. Computed block by block (no sparse
        hstack): for one short message the overheads otherwise cost more than the sums.
        `emb`: the texts' vectors when the caller has them already."""
        if emb is None and self.config["use_embeddings"]:
            emb = self.encoder.encode(texts)
        gaz, hits = gazetteer_features(texts)
        gate_W, gate_b = self.gate if self.gate is not None else (None, 0.0)
        logits = np.tile(self.b, (len(texts), 1))
        gate_logits = np.full(len(texts), gate_b) if gate_W is not None else None
        word = None
        for name, (lo, hi) in self._blocks.items():
            if name == "word":  # word/char blocks exist only when tfidf was fitted
                assert self.featurizer.word is not None
                block = word = self.featurizer.word.transform(texts)
            elif name == "char":
                assert self.featurizer.char is not None
                block = self.featurizer.char.transform(texts)
            elif name == "emb":
                continue  # `_with_vectors`: a clause encoded again changes only this block
            else:
                block = gaz
            logits += block @ self._sparse_W.get(name, self.W[lo:hi])
            if gate_logits is not None and gate_W is not None:
                gate_logits += np.asarray(block @ gate_W[lo:hi]).ravel()
        P, gate, found = self._with_vectors(logits, gate_logits, emb, gaz)
        text_logits = (logits, gate_logits)
        return (
            P,
            gate,
            {
                "word": word,
                "emb": emb,
                "hits": hits,
                "gaz": gaz,
                "text_logits": text_logits,
                "neighbours": found,
            },
        )

    def _with_vectors(
        self,
        logits: np.ndarray,
        gate_logits: np.ndarray | None,
        emb: np.ndarray | None,
        gaz: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray | None, tuple[np.ndarray, np.ndarray] | None]:
        """The text features' logits plus the embedding's, blended with the neighbour vote;
        the gate; the nearest examples found (None without a vote)."""
        logits, gate = logits.copy(), None
        if "emb" in self._blocks and emb is not None:
            lo, hi = self._blocks["emb"]
            block = emb * self.config["emb_weight"]
            logits += block @ self.W[lo:hi]
            if gate_logits is not None and self.gate is not None:
                gate_logits = gate_logits + block @ self.gate[0][lo:hi]
        if gate_logits is not None:
            gate = sigmoid(gate_logits)
        found = None
        if self.config.get("knn_weight") and emb is not None:
            found = self.nearest.top(emb, self.config["knn_k"])
        P = blend(sigmoid(logits), found, self.example_labels, self.config, gaz)
        return P, gate, found

    def tag_many(
        self, texts: Sequence[str], question_keys: Sequence[str | None] | None = None
    ) -> list[TagResult]:
        """Tag each text; `question_keys[i]` is the question text i answers, if any."""
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        if not texts:
            return []
        keys = list(question_keys) if question_keys is not None else [None] * len(texts)
        if len(keys) != len(texts):
            raise ValueError("question_keys must match texts in length")
        P, parts = self.scores(texts, cascade=True)
        results = []
        for i, text in enumerate(texts):
            if not text.strip():
                results.append(TagResult([], {t: 0.0 for t in THEME_IDS}, {}, self.version))
                continue
            asked, outright_evidence = lift(self, i, text, keys[i], P[i], parts)
            on = [j for j in range(len(THEME_IDS)) if P[i, j] >= self.thresholds[j]]
            evidence = {THEME_IDS[j]: self._evidence.why(i, j, parts, asked) for j in on}
            for j, lines in outright_evidence.items():
                evidence[THEME_IDS[j]][:0] = lines
            scores = {t: round(p, 4) for t, p in zip(THEME_IDS, P[i].tolist(), strict=True)}
            results.append(TagResult([THEME_IDS[j] for j in on], scores, evidence, self.version))
        return results
