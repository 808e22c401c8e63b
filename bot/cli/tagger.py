"""`bucks-lis` tagger commands: train-tagger, tag, evaluate-tagger, retag (issue 3)."""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path

import click

CHUNK = 64
_ID_RE = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')


def _recover_id(line: str) -> object:
    """Best-effort id from a line that is not valid JSON."""
    match = _ID_RE.search(line)
    if not match:
        return None
    try:
        return json.loads(match.group(1))
    except json.JSONDecodeError:
        return None


Parsed = tuple[object, str | None, str | None, str | None]  # id, text, question key, error


def _parse_line(raw: str) -> Parsed:
    """(id, text, question_key, error) for one input line; exactly one of text/error is set.
    `question_key` ("island:space:barriers", optional) is the question the text answers."""
    line = raw.strip()
    if not line:
        return None, None, None, "blank line"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return _recover_id(line), None, None, f"malformed JSON: {exc.msg}"
    if not isinstance(obj, dict):
        return None, None, None, 'expected a JSON object with "id" and "text"'
    msg_id = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        return msg_id, None, None, 'missing or non-string "text"'
    key = obj.get("question_key")
    if key is not None and not isinstance(key, str):
        return msg_id, None, None, 'non-string "question_key"'
    return msg_id, text, key, None


@click.command("tag")
@click.option(
    "--engine",
    "engine_name",
    type=click.Choice(["model", "keyword"]),
    default="model",
    show_default=True,
    help="the trained model, or the keyword baseline",
)
def tag_command(engine_name: str) -> None:
    """Tag JSON lines {"id", "text", "question_key"?} from stdin; one JSON line out per line
    in, in order."""
    engine = _engine(engine_name)
    out = sys.stdout

    def tag_one(text: str, key: str | None) -> dict:
        try:
            return engine.tag_many([text], [key])[0].to_dict()
        except Exception as exc:  # one bad message must not stop the stream
            return {"error": f"tagging failed: {type(exc).__name__}"}

    def flush(batch: list[Parsed]) -> None:
        # `text is not None` only narrows: a line has text exactly when it has no error.
        good = [(text, key) for _, text, key, err in batch if err is None and text is not None]
        texts, keys = [t for t, _ in good], [k for _, k in good]
        try:
            tagged = [r.to_dict() for r in engine.tag_many(texts, keys)] if texts else []
        except Exception:  # find the culprit line by line
            tagged = [tag_one(text, key) for text, key in good]
        results = iter(tagged)
        for msg_id, _text, _key, err in batch:
            row = (
                {"id": msg_id, "error": err} if err is not None else {"id": msg_id, **next(results)}
            )
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()

    batch: list[Parsed] = []
    for raw in sys.stdin:
        batch.append(_parse_line(raw))
        if len(batch) >= CHUNK:
            flush(batch)
            batch = []
    if batch:
        flush(batch)


def _engine(name: str):  # noqa: ANN202
    from bot.tagging import TaggerModelMissing, engine
    from bot.tagging.training.keyword import KeywordTagger

    if name == "keyword":
        return KeywordTagger()
    try:
        return engine()
    except TaggerModelMissing as exc:
        raise click.ClickException(str(exc)) from exc


def _read_labelled(path: Path) -> tuple[list[str], list[str | None], list[list[str]]]:
    texts, keys, gold = [], [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                texts.append(str(obj["text"]))
                keys.append(obj.get("question_key") or None)
                gold.append(list(obj.get("themes") or []))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise click.ClickException(f"{path}:{n}: bad line ({exc})") from exc
    return texts, keys, gold


@click.command("evaluate-tagger")
@click.option(
    "--data",
    "data_paths",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    required=True,
    help="labelled JSONL {id, text, themes, question_key?}; repeatable",
)
@click.option("--json", "as_json", is_flag=True, help="print the report as JSON")
@click.option(
    "--engine",
    "engine_name",
    type=click.Choice(["model", "keyword"]),
    default="model",
    show_default=True,
)
def evaluate_command(data_paths: tuple[Path, ...], as_json: bool, engine_name: str) -> None:
    """Per-theme P/R/F1, macro/micro-F1, exact match, per-response F1, no-theme accuracy."""
    from bot.tagging.training.metrics import evaluate, format_report

    engine = _engine(engine_name)
    reports = {}
    for path in data_paths:
        texts, keys, gold = _read_labelled(path)
        pred = [r.themes for r in engine.tag_many(texts, keys)]
        report = evaluate(gold, pred)
        report["data"] = str(path)
        report["model_version"] = engine.version
        reports[str(path)] = report
    if as_json:
        payload = next(iter(reports.values())) if len(reports) == 1 else reports
        click.echo(json.dumps(payload, indent=2))
        return
    for data_name, report in reports.items():
        click.echo(format_report(report, f"{data_name} (model {engine.version})"))
        click.echo("")


@click.command("train-tagger")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="output directory (default: <models_dir>/tagger)",
)
@click.option(
    "--compare",
    is_flag=True,
    help="also cross-validate the alternative architectures and print the table",
)
@click.option(
    "--include-reviewed",
    is_flag=True,
    help="also learn from staff-reviewed responses (their effective themes)",
)
def train_command(seed: int, out: Path | None, compare: bool, include_reviewed: bool) -> None:
    """Train the theme tagger from data/tagger/ (seeded, reproducible). The model it replaces
    is kept beside it (tagger-previous) so staff can compare the two."""
    from bot.tagging.training.train import train

    extra: list = []
    note: dict = {}
    if include_reviewed:
        extra, note = _reviewed_examples()
        click.echo(f"including {len(extra)} staff-reviewed responses")
    meta = train(
        out_dir=out, seed=seed, compare=compare, log=click.echo, extra=extra, extra_note=note
    )
    click.echo(f"tagger {meta['version']} written to {meta['path']}")


def _reviewed_examples() -> tuple[list, dict]:
    """Staff-reviewed responses as training examples, and the note meta.json keeps of them."""
    from bot.storage.db import session_scope
    from bot.storage.reviewed import reviewed_responses
    from bot.tagging.training.data import Example

    with session_scope() as session:
        rows = reviewed_responses(session)
    examples = [
        Example(f"response-{r.response_id}", r.text, tuple(r.themes), r.question_key)
        for r in rows
        if r.text.strip()
    ]
    return examples, {"reviewed_response_ids": [r.response_id for r in rows]}


@click.command("retag")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    default=None,
    help="only responses created on or after this date (UTC)",
)
@click.option("--batch-size", type=int, default=200, show_default=True)
def retag_command(since: datetime | None, batch_size: int) -> None:
    """Re-tag stored responses with the current model (respondent and staff tags kept)."""
    from bot.consultation.retag import retag

    summary = retag(since=since, batch_size=batch_size, tagger=_engine("model"))
    click.echo(
        f"retagged {summary['responses']} responses with {summary['model_version']}; "
        f"{summary['changed']} changed effective themes"
    )


COMMANDS = [train_command, tag_command, evaluate_command, retag_command]
