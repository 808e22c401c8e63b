"""Whether a post X delivers may be kept as a *public* view: not when its author's account
is protected, nor when X withholds it where the consultation is read.

Why (X format probe s44): a protected account's post is seen only by its followers, and a
withheld post may not be shown where it is withheld; X's compliance check answers both with
`action: delete` a day later (`compliance.py`). Stored on arrival, such a post was shown to
staff and quoted in the board report as "Public post on X" until then. A post that summons
the bot is still answered (the business asked); only the public view is not kept.

X's fields: v1.1 (Account Activity) `user.protected`, `withheld_in_countries` on the post
and on its `user` (`XX`: every country; `XY`: a copyright notice), `withheld_copyright`;
v2 (XAA, search, stream) `withheld: {copyright, country_codes}` on the post, and
`protected` and `withheld.country_codes` on the author in `includes.users`.
"""

from __future__ import annotations

from typing import Any

# Where the consultation's staff and board read what is kept: Buckinghamshire, the UK
READ_IN = "GB"
EVERYWHERE = "XX"
COPYRIGHT = "XY"


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_true(value: Any) -> bool:
    """X sends some flags as strings ("false"), which Python would take as true."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _withheld_here(codes: Any) -> bool:
    if not isinstance(codes, list):
        return False
    return bool({str(c).strip().upper() for c in codes} & {READ_IN, EVERYWHERE, COPYRIGHT})


def _withheld(thing: dict[str, Any]) -> bool:
    v2 = _as_dict(thing.get("withheld"))
    return (
        _is_true(thing.get("withheld_copyright"))
        or _withheld_here(thing.get("withheld_in_countries"))
        or _is_true(v2.get("copyright"))
        or _withheld_here(v2.get("country_codes"))
    )


def not_public(post: Any, author: Any = None) -> str:
    """ "protected" or "withheld" when `post` (by `author`, a v1.1 `user` or a v2 user from
    `includes.users`) may not be kept as a public view; "" when it may."""
    post, author = _as_dict(post), _as_dict(author)
    if _is_true(author.get("protected")):
        return "protected"
    if _withheld(post) or _withheld(author):
        return "withheld"
    return ""


def users_in_includes(includes: Any) -> dict[str, dict[str, Any]]:
    """{user id: user object} from a v2 `includes.users` list (XAA may wrap each in
    `data`)."""
    found: dict[str, dict[str, Any]] = {}
    users = _as_dict(includes).get("users")
    for user in users if isinstance(users, list) else []:
        user = _as_dict(user)
        user = _as_dict(user.get("data")) or user
        if user.get("id") is not None:
            found[str(user["id"])] = user
    return found
