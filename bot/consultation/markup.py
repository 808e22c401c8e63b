"""Markup in what a business types: HTML tags, script links and markdown links.

Found by set V of unseen conversations (conversation_probe_v.yml): "<img src=x
onerror=alert(1)>Chesham Print Works" was kept as the organisation with its tag, "<b>Managing
Director</b>" as the role; a markdown link labelled "Official BTVLEP survey - click to
verify" was played back as markdown, which the widget draws as a link in the bot's own
voice. What the business typed is kept as typed in its answers (staff read it escaped);
only where a few words are wanted (a profile field) is the markup dropped, and only in
the bot's own replies is a markdown link written out plainly. No Rasa imports.
"""

from __future__ import annotations

import re

# <script>...</script> and <style>...</style>: code, never words of the business's own
SCRIPT_BLOCK = re.compile(r"<\s*(script|style)\b[^>]*>.*?(<\s*/\s*\1\s*>|$)", re.I | re.S)
# an HTML tag or comment: "<b>", "</a>", '<img src=x onerror="alert(1)">', "<!-- x -->"
TAG = re.compile(r"<!--.*?-->|<\s*/?\s*[a-z][a-z0-9-]*([\s/][^<>]*)?/?\s*>", re.I | re.S)
# a markdown link or image: "[label](url)", "![alt](url)"
MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]{0,200})\]\(\s*([^)\s]{1,2000})\s*\)")
# a link the team could never follow, and nobody's words: "javascript:alert(1)",
# "data:text/html;base64,...", "vbscript:msgbox"
SCRIPT_URL = re.compile(r"\b(javascript|vbscript|data|livescript)\s*:\S*", re.I)


def strip_markup(text: str) -> str:
    """The words without tags, scripts or script links, single-spaced ('<a
    href="javascript:alert(1)">Marlow</a>' -> "Marlow"; "[Marlow](https://x)" -> "Marlow")."""
    text = SCRIPT_BLOCK.sub(" ", text)
    text = TAG.sub(" ", text)
    text = MARKDOWN_LINK.sub(lambda m: f" {m.group(1)} ", text)
    text = SCRIPT_URL.sub(" ", text)
    return " ".join(text.split())


def plain_links(text: str) -> str:
    """A markdown link written out as label and address ("[click to verify](https://x)" ->
    "click to verify (https://x)"), so a quote of the business's words is never drawn as a
    link with a label in the bot's voice."""
    return MARKDOWN_LINK.sub(
        lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(1).strip() else f"({m.group(2)})",
        text,
    )


def has_markup(text: str) -> bool:
    """Tags, a script block, a markdown link or a script link in the text."""
    return any(p.search(text) for p in (SCRIPT_BLOCK, TAG, MARKDOWN_LINK, SCRIPT_URL))
