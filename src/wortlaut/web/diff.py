"""How the wording of one quotation differs between two articles: a word diff.

Words are compared case-sensitively with their punctuation, because "sagte" versus "sage" or a
dropped comma is exactly what a fact-checker wants to see.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

Op = Literal["same", "ins", "del"]
_WORD = re.compile(r"\S+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_diff(reference: str, other: str) -> list[tuple[Op, str]]:
    """Segments turning ``reference`` into ``other``: kept, inserted and deleted words."""
    a, b = words(reference), words(other)
    out: list[tuple[Op, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            out.append(("del", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(("ins", " ".join(b[j1:j2])))
    return out


def similarity(reference: str, other: str) -> float:
    """Share of words in common (0–1), as difflib's ratio over word lists."""
    return difflib.SequenceMatcher(a=words(reference), b=words(other), autojunk=False).ratio()
