"""Clauses that look like reported speech but report nothing (issue 3, sixth round).

A comma, then ``dass``/``ob`` or an infinitive clause: that is the shape of an indirect
quotation (``Er bestritt, dass …``), and the message tagger and the governed-clause rule label
it as one. The same shape follows verbs of trying and managing (``versuchte, … zu``),
impersonal predicates (``Jetzt ist klar, dass …``, ``Hinzu kommt, dass …``) and degree
clauses (``Die Explosion war so heftig, dass …``), which the dataset never annotates. A
message that starts right after such a comma, with no subjunctive and no quotation mark in the
words before the comma, is no quotation: its labels are cleared before the roles are tagged.

The word lists are read off the train split (counts below were taken on the
dataset's own tokens with the governed-clause window of
:func:`wortlaut.nlp.quote_sources.governor_window`; "annotated" means a gold message of any type
starts at the clause):

- non-speech governors (:data:`NON_SPEECH_STEMS`): 87 clauses, 4 annotated;
- impersonal predicates (:data:`IMPERSONAL`), first or last word before the comma, with a copula
  or ``kommt``: 19 clauses, 0 annotated (``war sich … sicher`` is left out: 1 of 1);
- ``so`` + adjective or participle before ``, dass`` (:func:`_degree_clause`): 9 clauses, 0
  annotated;
- ``nicht`` + ``bestätigen`` (:func:`_unconfirmed`): 3 clauses, 0 annotated.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .quote_marks import QUOTE_CHARS
from .quote_sources import CLAUSE_STARTS, _clause_end, _zu_clause, governor_window

#: stems of verbs and nouns of trying, managing, compelling and permitting, whose clause is an
#: action, not a report; found anywhere in a word (``geweigert``, ``Versuche``). Train, clauses
#: with the stem before the comma / annotated: ``versuch`` 32 / 2, ``möglichkeit`` 17 / 1,
#: ``gelang`` 8 / 0, ``gelung`` 6 / 0, ``verbot`` 7 / 1, ``begonn`` 4 / 0, ``weiger`` 6 / 0,
#: ``gezwungen`` 3 / 0, ``ermöglich`` 3 / 0, ``abhalt`` 1 / 0 (2 of the 4 annotated ones have a
#: speech verb of their own before the comma: ``verlangt``, ``sagte``)
NON_SPEECH_STEMS = (
    "versuch",
    "möglichkeit",
    "gelang",
    "gelung",
    "verbot",
    "begonn",
    "weiger",
    "gezwungen",
    "ermöglich",
    "abhalt",
)
#: predicates of an impersonal statement (``Es ist unklar, ob …``, ``Möglich ist, dass …``)
IMPERSONAL = frozenset(
    {"klar", "deutlich", "unklar", "fraglich", "möglich", "wahrscheinlich", "unwahrscheinlich"}
    | {"umstritten", "offen", "hinzu", "vor"}
)
#: copulas and ``kommt`` (``Hinzu kommt``, ``Es kommt selten vor``) that make them a predicate
COPULAS = frozenset(
    {"ist", "war", "wird", "wurde", "bleibt", "blieb", "scheint", "kommt", "sind", "waren", "werden"}
)
#: message labels this filter may clear: indirect ones only (free indirect and reported
#: messages are whole sentences, not clauses after a comma)
CLEARED = "B-IND"


def _non_speech(lows: Sequence[str]) -> bool:
    return any(st in w for w in lows for st in NON_SPEECH_STEMS)


def _unconfirmed(lows: Sequence[str]) -> bool:
    """``wollte nicht bestätigen, dass …``: a refusal to confirm reports nothing (train: 3 such
    clauses, none annotated; a denial, ``bestritt, dass``, is annotated and stays)."""
    return "nicht" in lows and any("bestätig" in w for w in lows)


def _impersonal(lows: Sequence[str]) -> bool:
    return (lows[0] in IMPERSONAL or lows[-1] in IMPERSONAL) and not COPULAS.isdisjoint(lows)


def _degree_clause(lows: Sequence[str], clause_word: str) -> bool:
    """``… so heftig, dass …``: a ``so`` inside the stretch (not its first word, which is the
    sentence adverb of ``So erklärte X, dass …``) before a ``dass`` clause."""
    return clause_word == "dass" and "so" in lows[1:]


def no_report_before(words: Sequence[str], start: int, lo: int, hi: int, subjunctive: frozenset[str]) -> bool:
    """Whether the clause starting at ``start`` (right after a comma, in the sentence ``[lo,
    hi)``) is governed by a non-speech word, an impersonal predicate or a degree ``so``."""
    comma = start - 1
    if comma <= lo or words[comma] != ",":
        return False
    if words[start] not in CLAUSE_STARTS and not _zu_clause(words, start, _clause_end(words, start, hi)):
        return False
    window = words[governor_window(words, lo, comma) : comma]
    if not window or not subjunctive.isdisjoint(window) or not QUOTE_CHARS.isdisjoint(window):
        return False
    lows = [w.lower() for w in window]
    return _non_speech(lows) or _impersonal(lows) or _degree_clause(lows, words[start]) or _unconfirmed(lows)


def drop_non_reports(
    words: Sequence[str], msg: list[str], sent_starts: Sequence[int], subjunctive: frozenset[str]
) -> int:
    """Clear (in place) each indirect message that starts right after a comma whose clause
    :func:`no_report_before` says reports nothing; returns how many were cleared."""
    n = len(msg)
    last = len(sent_starts) - 1
    cleared = 0
    i = 0
    while True:
        try:
            i = msg.index(CLEARED, i)
        except ValueError:
            return cleared
        k = bisect_right(sent_starts, i) - 1
        lo, hi = sent_starts[k], (sent_starts[k + 1] if k < last else n)
        j = i + 1
        while j < n and msg[j] == "I-IND":
            j += 1
        if no_report_before(words, i, lo, hi, subjunctive):
            msg[i:j] = ["O"] * (j - i)
            cleared += 1
        i = j
