"""`bucks-lis staff ...`."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select

from bot.cli import main
from bot.storage.models import StaffUser


def test_staff_add_from_stdin(database_url: str, session) -> None:  # noqa: ANN001
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["staff", "add", "Officer@Example.org", "--role", "admin"],
        input="a very good password\n",
    )
    assert result.exit_code == 0, result.output
    assert "created admin officer@example.org" in result.output
    user = session.scalars(select(StaffUser)).one()
    assert user.role == "admin" and user.password_hash.startswith("scrypt:")

    again = runner.invoke(
        main, ["staff", "add", "officer@example.org"], input="a very good password\n"
    )
    assert again.exit_code != 0 and "already exists" in again.output
    weak = runner.invoke(
        main, ["staff", "add", "b@example.org", "--password-stdin"], input="short\n"
    )
    assert weak.exit_code != 0 and "at least 12" in weak.output
    bad_role = runner.invoke(
        main, ["staff", "add", "c@example.org", "--role", "owner"], input="x" * 20
    )
    assert bad_role.exit_code != 0

    listed = runner.invoke(main, ["staff", "list"])
    assert "officer@example.org\tadmin\tactive" in listed.output
    assert (
        runner.invoke(main, ["staff", "set-role", "officer@example.org", "reviewer"]).exit_code == 0
    )
    assert (
        runner.invoke(
            main, ["staff", "set-password", "officer@example.org"], input="another good password\n"
        ).exit_code
        == 0
    )
    assert runner.invoke(main, ["staff", "deactivate", "officer@example.org"]).exit_code == 0
    assert "reviewer\tdeactivated" in runner.invoke(main, ["staff", "list"]).output
    assert runner.invoke(main, ["staff", "deactivate", "ghost@example.org"]).exit_code != 0
