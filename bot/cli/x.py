"""`bucks-lis forget-x-user`, `x-status`, `x-compliance-check`, `x-oauth2`: the X channel's
housekeeping from the command line (cron in production)."""

from __future__ import annotations

import json
import sys

import click

from bot.config import settings
from bot.storage.db import session_scope


@click.command("forget-x-user")
@click.argument("user_id")
@click.option("--yes", is_flag=True, help="do not ask for confirmation")
def forget_x_user(user_id: str, yes: bool) -> None:
    """Delete everything X user USER_ID gave us: collected public posts, summoned-post and
    DM conversations, transcripts included (audited, without content)."""
    from bot.storage.erasure import forget_x_user as erase

    if not user_id.isdigit():
        raise click.BadParameter("an X user id is a number (not the @handle)")
    if not yes and sys.stdin.isatty():
        click.confirm(f"Delete all data from X user {user_id}?", abort=True)
    with session_scope() as session:
        result = erase(session, user_id, actor="staff-cli")
    if not result.businesses and not result.events:
        raise click.ClickException(f"nothing stored for X user {user_id}")
    click.echo(
        f"deleted {result.businesses} record(s), {result.responses} response(s), "
        f"{result.events} transcript event(s) of X user {user_id}"
    )


@click.command("x-status")
@click.option(
    "--restore", is_flag=True, help="the bot account authorised the app again: resume sending"
)
def x_status(restore: bool) -> None:
    """Estimated X spend today and this month, the budget, and whether sending stopped."""
    from bot.channels.x import spend

    if restore:
        done = spend.clear_revoked("staff-cli")
        click.echo("sending on X resumed" if done else "sending was not stopped")
    summary = spend.summary(settings().x_monthly_budget_usd)
    click.echo(
        json.dumps(
            {
                "today_usd": summary.today_usd,
                "month_usd": summary.month_usd,
                "budget_usd": summary.budget_usd,
                "by_kind_this_month": {
                    k: {"units": u, "usd": round(v, 4)}
                    for k, (u, v) in summary.by_kind_month.items()
                },
                "public_replies_stopped_because": summary.public_replies_stopped_because,
                "ignored_event_types": summary.unknown_event_types,
            },
            indent=2,
        )
    )


@click.command("x-compliance-check")
def x_compliance_check() -> None:
    """Check every X post we hold against X now (batch compliance job): collected public
    posts, and posts that summoned the bot in the transcript; remove (or redact) those
    deleted, protected or suspended. `bucks-lis run` does it every X_COMPLIANCE_HOURS."""
    from bot.channels.x.client import OAuthXClient, client_from_settings
    from bot.channels.x.compliance import ComplianceCheck

    cfg = settings()
    client = client_from_settings(cfg)
    if not isinstance(client, OAuthXClient) or not cfg.x_bearer_token:
        raise click.ClickException("needs the X OAuth values and X_BEARER_TOKEN")
    result = ComplianceCheck(client).run_once()
    click.echo(f"checked {result.checked} post(s), removed {result.removed} ({result.status})")


@click.command("x-oauth2-store")
def x_oauth2_store() -> None:
    """Store the bot account's OAuth 2.0 tokens, encrypted with SECRET_KEY: paste X's token
    response (JSON with access_token, refresh_token, expires_in) on stdin. From then on
    the X channel uses OAuth 2.0 user context and rotates the tokens itself (needs
    X_OAUTH2_CLIENT_ID)."""
    from bot.channels.x.oauth2 import TokenStore

    try:
        body = json.loads(sys.stdin.read())
        access, refresh = str(body["access_token"]), str(body.get("refresh_token") or "")
    except (ValueError, KeyError, TypeError) as error:
        raise click.ClickException(f"expected X's token response as JSON: {error}") from error
    if not refresh:
        raise click.ClickException("no refresh_token: authorise with the offline.access scope")
    TokenStore(settings().secret_key).save(access, refresh, body.get("expires_in"))
    click.echo("stored X OAuth 2.0 tokens (encrypted)")


COMMANDS = [forget_x_user, x_status, x_compliance_check, x_oauth2_store]
