"""Who moves an amount where: ``actor``, ``origin``, ``destination``, ``location`` of an amount.

German marks these roles with prepositions, so a window of the amount's clause is enough:
``aus (den) USA`` → origin, ``nach Rumänien`` / ``in die Ukraine`` → destination, ``in Europa`` /
``im Baltikum`` / ``bei`` → location, and a name with no preposition before the amount, first in
its clause (``Frankreich verlegt …``), → actor. Only entities already found by the entity
component are linked (their ids), so this never invents a participant.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..contract import Amount, Entity

_WORD_BEFORE = re.compile(r"(\S+)\s+(\S+)\s*$|(\S+)\s*$")
_ORIGIN = {"aus", "von"}
_DESTINATION = {"nach", "gen"}
_LOCATION = {"in", "im", "bei", "beim"}
_ARTICLES = {"der", "die", "den", "dem", "des", "das"}
#: Words that, just before a name, show it is not the subject (genitive, comparison, …).
_NOT_ACTOR = {
    "des",
    "der",
    "für",
    "gegen",
    "mit",
    "über",
    "um",
    "wie",
    "als",
    "zu",
    "zur",
    "zum",
    "durch",
    "ohne",
}
#: Where the clause of one amount ends and the next one's begins (between two amounts).
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:und|sowie|aber|während)\s")
#: Boundaries of the clause an amount stands in: quotation marks, dashes, subordinate clauses.
_CLAUSE_EDGE = re.compile(
    r"[;:\"“”„»«]|\s[-–]\s|,\s+(?:so|wie|dass|ob|um|weil|wenn|als|während|nachdem|bevor|damit|obwohl"
    r"|die|der|das|den|dem|deren|dessen|sagte|erklärte|hieß|teilte)\b"
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: str
    label: str


def index_mentions(entities: list[Entity] | None) -> list[_Mention]:
    """Name mentions (not parts of compounds, not derived adjectives), sorted by position."""
    found: list[_Mention] = []
    for ent in entities or []:
        for m in ent.mentions:
            if m.kind == "word":
                found.append(_Mention(m.start, m.end, ent.id, ent.label))
    found.sort(key=lambda m: m.start)
    return found


def _preposition(text: str, start: int, floor: int) -> tuple[str | None, bool]:
    """The preposition governing a name at ``start`` (skipping one article), and whether a
    word that rules out the subject reading stands right before it."""
    m = _WORD_BEFORE.search(text, max(floor, start - 40), start)
    if not m:
        return None, False
    if m.group(3) is not None:
        last, prev = m.group(3).lower(), None
    else:
        prev, last = m.group(1).lower(), m.group(2).lower()
    if last in _ORIGIN | _DESTINATION | _LOCATION:
        return last, False
    if last in _ARTICLES and prev is not None:
        prev = prev.strip('("„')
        if prev in ("in",):
            # in die/in den + place: direction when accusative (die/das), place when dative
            return ("in-acc" if last in ("die", "das") else "in"), False
        if prev in _ORIGIN | _DESTINATION | _LOCATION:
            return prev, False
        return None, prev in _NOT_ACTOR or last in ("des",)
    return None, last.strip('("„') in _NOT_ACTOR


def assign_roles(
    text: str, amount: Amount, mentions: list[_Mention], window: tuple[int, int], starts: list[int]
) -> None:
    """Fill the roles of ``amount`` from the name mentions inside ``window`` (its clause)."""
    lo, hi = window
    first = bisect_right(starts, lo - 1)
    actor_seen = False
    for i in range(first, len(mentions)):
        m = mentions[i]
        if m.start >= hi:
            break
        if m.end > hi or (amount.start <= m.start < amount.end):
            continue
        prep, not_subject = _preposition(text, m.start, lo)
        if prep in _ORIGIN:
            if amount.origin is None and m.label in ("LOC", "ORG"):
                amount.origin = m.entity
        elif prep in _DESTINATION or prep == "in-acc":
            if amount.destination is None and m.label == "LOC":
                amount.destination = m.entity
        elif prep in _LOCATION:
            if amount.location is None and m.label == "LOC":
                amount.location = m.entity
        elif m.end <= amount.start and not actor_seen and not not_subject:
            actor_seen = True
            if amount.actor is None:
                amount.actor = m.entity


def clause_window(text: str, sent: tuple[int, int], amount: Amount, others: list[Amount]) -> tuple[int, int]:
    """The part of the sentence that belongs to ``amount``: cut at another amount's clause."""
    lo, hi = sent
    for left_edge in _CLAUSE_EDGE.finditer(text, lo, amount.start):
        lo = left_edge.end()
    right_edge = _CLAUSE_EDGE.search(text, amount.end, hi)
    if right_edge:
        hi = right_edge.start()
    for other in others:
        if other is amount:
            continue
        if other.end <= amount.start and other.start >= lo:
            breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, other.end, amount.start)]
            lo = breaks[-1] if breaks else other.end
        elif other.start >= amount.end and other.start < hi:
            hi = other.start
            brk = _CLAUSE_BREAK.search(text, amount.end, hi)
            if brk:
                hi = brk.start()
    return lo, hi
