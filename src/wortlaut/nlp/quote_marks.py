"""Pairing quotation marks in every German style, over the tokens of a document.

German news mix „…“ (and the ‚…‘ inside), »…« and «…», English “…”, and straight "…" / '…'.
Pairing is a rule's job: a mark is an opener or a closer by its shape and position, and a stack
pairs them. Unclosed openers are dropped at a paragraph break, because a quotation mark left open
there is far more often a typo than a quote running over the break; a quote that really goes on
reopens with a new mark in the next paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: opener -> closers it accepts
PAIRS: dict[str, frozenset[str]] = {
    "„": frozenset({"“", "”", '"'}),
    "“": frozenset({"”", "“"}),
    "»": frozenset({"«"}),
    "«": frozenset({"»"}),
    "‚": frozenset({"‘", "’", "'"}),
    "‹": frozenset({"›"}),
    "›": frozenset({"‹"}),
    '"': frozenset({'"', "“", "”"}),
    "'": frozenset({"'", "’"}),
}
QUOTE_CHARS = frozenset("„“”»«‚‘’‹›\"'")
#: marks that can only open
OPEN_ONLY = frozenset({"„", "‚"})
#: marks that can only close when something is open
CLOSE_ONLY = frozenset({"”", "‘", "’"})


@dataclass(frozen=True)
class Quoted:
    """A stretch of tokens between a pair of quotation marks (both marks included)."""

    start: int  # token index of the opening mark
    end: int  # token index after the closing mark
    depth: int  # 0 for outer quotes, 1 for a quote inside a quote


def is_mark(text: str) -> bool:
    """Whether a token is one quotation mark (spaCy splits marks off words)."""
    return len(text) == 1 and text in QUOTE_CHARS


def pair_marks(words: Sequence[str], spaces_before: Sequence[bool], breaks: Sequence[bool]) -> list[Quoted]:
    """Pair the marks among ``words``.

    ``spaces_before[i]``: whitespace precedes token i (straight marks open after a space);
    ``breaks[i]``: a paragraph break precedes token i (drops unclosed openers).
    """
    stack: list[tuple[str, int]] = []
    found: list[Quoted] = []
    n = len(words)
    for i, w in enumerate(words):
        if breaks[i]:
            stack.clear()
        if not is_mark(w):
            continue
        top = stack[-1][0] if stack else None
        if top is not None and w in PAIRS[top]:
            _, start = stack.pop()
            found.append(Quoted(start, i + 1, len(stack)))
            continue
        if w in CLOSE_ONLY:
            continue
        # an apostrophe-like mark opens only after whitespace and before a word
        if w == "'" and (not (spaces_before[i] or i == 0) or i + 1 >= n or spaces_before[i + 1]):
            continue
        stack.append((w, i))
    found.sort(key=lambda q: (q.start, -q.end))
    return found


def quote_state(n: int, quoted: list[Quoted]) -> list[int]:
    """Per token: 0 outside quotes, 1 an outer mark, 2 inside an outer quote, 3 inside a nested one."""
    state = [0] * n
    for q in quoted:
        if q.depth == 0:
            state[q.start] = 1
            state[q.end - 1] = 1
            for i in range(q.start + 1, q.end - 1):
                state[i] = max(state[i], 2)
        else:
            for i in range(q.start, q.end):
                state[i] = 3
    return state
