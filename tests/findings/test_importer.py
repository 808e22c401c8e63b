"""`bucks-lis import`: rows stored, tagged and given a stance; never twice; all or nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.cli import main
from bot.storage.models import (
    SOURCE_MODEL,
    AuditEvent,
    Business,
    Conversation,
    Response,
    ResponseTheme,
)

CSV = (
    "text,organisation,sector,size_band,location,received_at\n"
    "We struggle to recruit composite engineers near Silverstone,Acme Racing,Motorsport,"
    "10-49,Buckingham,2026-10-05\n"
    "Please fund a shared wet lab for life sciences start-ups,Acme Racing,,,,2026-10-06\n"
    "Film studios at Pinewood could bring us a lot of work,,,,,\n"
)


def invoke(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args))


def test_import_stores_tags_and_dedupes(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "emails.csv"
    path.write_text(CSV, encoding="utf-8")
    result = invoke("import", str(path), "--source", "email")
    assert result.exit_code == 0, result.output
    assert (
        "imported 3 response(s) from 3 row(s) as email; 0 already imported; "
        "2 new business(es)" in result.output
    )

    rows = session.execute(
        select(Response, Conversation, Business)
        .join(Conversation, Response.conversation_id == Conversation.id)
        .join(Business, Conversation.business_id == Business.id)
        .order_by(Response.id)
    ).all()
    assert [c.channel for _, c, _ in rows] == ["email"] * 3
    (r1, _, b1), (r2, _, b2), (r3, _, b3) = rows
    assert b1.id == b2.id and b1.organisation == "Acme Racing" and b1.sector == "Motorsport"
    assert b3.id != b1.id and b3.organisation is None
    assert str(r1.created_at) == "2026-10-04 23:00:00"  # BST midnight, stored as UTC
    assert all(r.external_id.startswith("import:") and len(r.external_id) == 71 for r, _, _ in rows)
    assert [r.stance for r, _, _ in rows] == ["barrier", "ask", "opportunity"]
    model_rows = session.scalars(
        select(ResponseTheme).where(ResponseTheme.source == SOURCE_MODEL)
    ).all()
    assert {t.response_id for t in model_rows} >= {r1.id, r3.id}
    assert all(t.model_version and t.model_version.startswith("tagger-") for t in model_rows)
    # The same tagger path as a chat answer: exactly the themes `tag()` gives the text.
    from bot.tagging import tag

    for r, _, _ in rows:
        assert [t.theme_id for t in model_rows if t.response_id == r.id] == tag(r.text).themes

    # The same rows again (plus one new one) add only the new one.
    path.write_text(CSV + "Rail links to Oxford are too slow,,,,,\n", encoding="utf-8")
    again = invoke("import", str(path), "--source", "email")
    assert again.exit_code == 0, again.output
    assert "imported 1 response(s) from 4 row(s) as email; 3 already imported" in again.output
    session.expire_all()
    assert session.scalar(select(func.count(Response.id))) == 4
    # The same text from another source is another response.
    assert "imported 4 response(s)" in invoke("import", str(path), "--source", "survey").output
    audits = session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
    assert [a.detail["added"] for a in audits] == [3, 1, 4]


def test_bad_file_is_refused_and_nothing_stored(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(CSV + ",Nobody,,,,\nfine,,,,,not-a-date\n", encoding="utf-8")
    result = invoke("import", str(path), "--source", "survey")
    assert result.exit_code != 0
    assert "nothing imported" in result.output
    assert "line 5: text is empty" in result.output
    assert "line 6: received_at 'not-a-date' is not a date" in result.output
    assert session.scalar(select(func.count(Response.id))) == 0
    assert session.scalar(select(func.count(Business.id))) == 0

    wrong = tmp_path / "responses.txt"
    wrong.write_text("text\nhello\n")
    result = invoke("import", str(wrong), "--source", "email")
    assert result.exit_code != 0 and "must end in .csv or .jsonl" in result.output
    result = invoke("import", str(path), "--source", "fax")
    assert result.exit_code != 0 and "Invalid value for '--source'" in result.output


def test_oversized_file_is_refused(session: Session, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from bot.config import settings

    monkeypatch.setenv("IMPORT_MAX_BYTES", "100")
    settings.cache_clear()
    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "' + "x" * 200 + '"}\n')
    result = invoke("import", str(path), "--source", "event")
    assert result.exit_code != 0 and "more than IMPORT_MAX_BYTES (100)" in result.output
    assert session.scalar(select(func.count(Response.id))) == 0


def test_too_many_rows_are_refused(session: Session, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from bot.config import settings

    monkeypatch.setenv("IMPORT_MAX_ROWS", "2")
    settings.cache_clear()
    path = tmp_path / "many.jsonl"
    path.write_text("".join(f'{{"text": "view {n}"}}\n' for n in range(3)))
    result = invoke("import", str(path), "--source", "event")
    assert result.exit_code != 0 and "the file has 3 rows; at most 2" in result.output
    assert session.scalar(select(func.count(Response.id))) == 0


def test_stance_command_fills_missing(session: Session) -> None:
    business = Business(sender_id="w", channel="rest", consent=True)
    session.add(business)
    session.flush()
    conv = Conversation(business_id=business.id, sender_id="w", channel="rest")
    session.add(conv)
    session.flush()
    stored = Response(
        conversation_id=conv.id,
        text="Lack of lab space holds us back",
        question_key="island:life_sciences:opportunities",
    )
    session.add(stored)
    session.flush()
    assert stored.stance == "barrier"  # set as it is stored
    stored.stance = None
    session.commit()
    result = invoke("stance")
    assert result.exit_code == 0, result.output
    assert "set the stance of 1 response(s); now opportunity 0, barrier 1, ask 0" in result.output
    result = invoke("stance", "--all")
    assert "set the stance of 0 response(s)" in result.output

    # `bucks-lis run` fills missing stances as it starts.
    from bot.cli.run import _fill_missing_stance

    session.execute(update(Response).values(stance=None))
    session.commit()
    _fill_missing_stance()
    session.expire_all()
    assert session.get(Response, stored.id).stance == "barrier"
