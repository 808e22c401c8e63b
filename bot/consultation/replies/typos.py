"""Commands typed in a hurry on a phone: "skpi", "stpo", "fnish", "nxet". One letter
swapped with its neighbour, doubled, or (in a longer word) left out, so the command is
read as meant rather than kept as the answer.

Found by the fifteenth set of unseen conversations (conversation_probe_o.yml): "stpo" was
kept as the answer to the last space question. Only the command words below, and only a
word that is not itself a command or an everyday word ("ship", "step", "shop" differ by a
letter in place, which is not one of the slips read here).
"""

from __future__ import annotations

COMMANDS = ("skip", "stop", "finish", "next", "pass")
# a letter left out only from words this long ("finsh"; "sip" is no "skip")
DROPPED_LETTER_MIN = 5


def _slips(word: str) -> set[str]:
    """Every slip of `word` read here: neighbours swapped, a letter doubled or dropped."""
    slips = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    slips |= {word[:i] + word[i] + word[i:] for i in range(len(word))}
    if len(word) >= DROPPED_LETTER_MIN:
        slips |= {word[:i] + word[i + 1 :] for i in range(len(word))}
    return slips - {word}


_TYPOS = {slip: command for command in COMMANDS for slip in _slips(command)}


def command_typo(word: str) -> str | None:
    """The command a mistyped word stands for ("skpi" -> "skip"), else None."""
    return _TYPOS.get(word)


def fix_command_typos(norm: str) -> str:
    """A normalised message with each mistyped command word put right."""
    return " ".join(command_typo(w) or w for w in norm.split())
