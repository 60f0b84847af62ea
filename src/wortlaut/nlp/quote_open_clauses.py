"""``dass``/``ob`` clauses governed by words the lexicons never saw (issue 3, sixth round).

The governed-clause rule (:func:`wortlaut.nlp.quote_sources.find_complements`) takes a clause
only after a governing word learned from the train split. Reporting verbs form a long tail
(``bezweifeln``, ``signalisiert``, ``besagt``, ``bekundete``), each seen once or never, so the
rule misses them. A ``dass``/``ob`` clause after the first comma of a sentence the taggers left
empty is reported speech often enough on its own, once the governing stretch before the comma
holds none of the words that mark a non-report: a pronominal adverb (``führte dazu, dass``,
``lag daran, dass``), ``Tatsache``, a copula or passive auxiliary (``Es ist wichtig, dass``,
``soll verhindert werden, dass``), ``es``, a second ``dass``, or what
:func:`wortlaut.nlp.quote_precision.no_report_before` rejects.

Train split (the dataset's own tokens; packaged lexicons, so only governors the lexicons do
not know are counted): of 143 such first-comma ``dass``/``ob`` clauses in sentences without an
annotation before the comma, 58 start an annotated message; with the stretch filter, 42 of 73
do (58%). A clause right at that rate raises F1 as long as it is right more often than half the
F1 (≈ 0.37), which the held-out folds confirm (docs/quotes.md, sixth round).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .quote_precision import no_report_before
from .quote_sources import (
    MIN_MESSAGE,
    REPORTED_MIN,
    _clause_end,
    _commas,
    _occurrences,
    _untouched,
    clause_after,
    clause_governors,
    governor_window,
    uncued_window,
)

#: the conjunctions whose clause this rule takes (infinitive and subjunctive clauses after an
#: unknown word are too often purpose or relative clauses)
OPEN_STARTS = frozenset({"dass", "ob"})
#: pronominal adverbs that announce a clause of cause, result or content, not of speech
PRONOMINAL_ADVERBS = frozenset(
    {"dazu", "darauf", "davon", "daran", "darum", "dafür", "damit", "darin", "dadurch", "darüber"}
    | {"daraus", "danach", "dagegen", "dahingehend"}
)
#: copulas, passive auxiliaries, ``es`` and ``Tatsache``: impersonal or factual governors
NON_REPORT_WORDS = frozenset(
    {"tatsache", "ist", "war", "sind", "waren", "sein", "werden", "wurde", "worden", "soll", "dass", "es"}
)


def _sentences_of(positions: Sequence[int], sent_starts: Sequence[int]) -> list[int]:
    """The sentence indices holding ``positions`` (sorted), each once: the rules look only at
    sentences with their trigger word, found by :func:`_occurrences` in C."""
    out: list[int] = []
    for i in positions:
        k = bisect_right(sent_starts, i) - 1
        if not out or out[-1] != k:
            out.append(k)
    return out


def open_governed(lows: Sequence[str]) -> bool:
    """Whether a stretch before a comma (lower-case words) may govern a reported clause
    although none of its words is a known governor."""
    return bool(lows) and PRONOMINAL_ADVERBS.isdisjoint(lows) and NON_REPORT_WORDS.isdisjoint(lows)


def find_open_complements(
    words: Sequence[str],
    msg: Sequence[str],
    sent_starts: Sequence[int],
    quoted_tokens: Sequence[int],
    cues: frozenset[str],
    subjunctive: frozenset[str],
    governors: frozenset[str],
) -> list[tuple[int, int]]:
    """The ``dass``/``ob`` clauses (``dass`` included, to the sentence end) after the first
    clause-opening comma of sentences nothing is labelled in, whose governing stretch holds no
    known governor (those are :func:`find_complements`' own) but passes :func:`open_governed`."""
    out: list[tuple[int, int]] = []
    hits = _occurrences(words, OPEN_STARTS)
    if not hits:
        return out
    n = len(words)
    bounds = [*sent_starts, n]
    forms = clause_governors(cues, governors)
    for k in _sentences_of(hits, sent_starts):
        lo, hi = bounds[k], bounds[k + 1]
        if hi - lo < REPORTED_MIN or words[hi - 1] == "?":
            continue
        if not _untouched(msg, quoted_tokens, lo, hi):
            continue
        for c in _commas(words, lo + 1, hi - MIN_MESSAGE):
            if clause_after(words, c, hi, subjunctive) is None:
                continue
            if words[c + 1] in OPEN_STARTS:
                lows = [w.lower() for w in words[governor_window(words, lo, c) : c]]
                if (
                    open_governed(lows)
                    and forms.isdisjoint(lows)
                    and not no_report_before(words, c + 1, lo, hi, subjunctive)
                ):
                    out.append((c + 1, _clause_end(words, c + 1, hi)))
            break
    return out


def _verb_like(w: str) -> bool:
    """A lower-case word with a finite or participle verb ending (``bezweifelt``, ``besagt``,
    ``befürworteten``, ``signalisiert``)."""
    return w.isalpha() and w.islower() and w.endswith(("t", "te", "ten", "en"))


def open_governor_cues(
    words: Sequence[str], roles: list[str], sent_starts: Sequence[int], clauses: Sequence[tuple[int, int]]
) -> None:
    """Label, in place, the last verb-like word before the comma of each clause of
    :func:`find_open_complements` as its cue where the role tagger put no cue before the
    clause in its sentence (as :func:`wortlaut.nlp.quote_sources.governor_cues` does for the
    clauses of known governors)."""
    for start, _ in clauses:
        window = uncued_window(words, roles, sent_starts, start)
        if window is None:
            continue
        hits = [j for j in window if _verb_like(words[j])]
        if hits and roles[hits[-1]] == "O":
            roles[hits[-1]] = "B-CUE"


#: finite forms of verbs of saying that make the main clause after their comma reported speech
#: even without a subjunctive the lexicon knows (``sagte, er freue sich``)
SPEECH_VERBS = frozenset(
    {"sagte", "sagten", "sagt", "sagen", "erklärte", "erklärten", "erklärt", "betonte", "betonten"}
    | {"betont", "meldete", "meldeten", "meldet", "berichtete", "berichteten", "berichtet", "teilte"}
    | {"teilten", "sprach", "fügte", "schrieb", "schreibt", "argumentiert", "argumentierte"}
    | {"behauptete", "behauptet", "warnte", "warnt", "räumte", "meinte", "meint"}
)
#: words that open a subordinate, relative or coordinated clause, not a reported main clause
NON_MAIN_OPENERS = frozenset(
    {"die", "der", "das", "den", "dem", "denen", "deren", "dessen", "welche", "welcher", "welches"}
    | {"und", "oder", "aber", "doch", "sondern", "wie", "wenn", "weil", "als", "um", "so", "da"}
    | {"während", "nachdem", "bevor", "obwohl", "wo", "was", "wer", "sowie", "bis", "seit", "nicht"}
    | {"ohne", "damit", "indem", "falls", "sofern", "zumal", "ob", "dass"}
)
#: relative pronouns after a preposition (``…, mit der …``)
RELATIVE_AFTER_PREPOSITION = frozenset(
    {"der", "dem", "denen", "deren", "dessen", "welcher", "welche", "welchem", "welchen"}
)


def _main_clause_start(words: Sequence[str], start: int) -> bool:
    """Whether the clause at ``start`` may be a main clause (``er freue sich``, ``bei den
    Unruhen seien …``): it opens with no conjunction or relative pronoun."""
    first = words[start]
    if first.lower() in NON_MAIN_OPENERS:
        return False
    return not (first.islower() and start + 1 < len(words) and words[start + 1] in RELATIVE_AFTER_PREPOSITION)


def find_speech_main_clauses(
    words: Sequence[str],
    msg: Sequence[str],
    sent_starts: Sequence[int],
    quoted_tokens: Sequence[int],
    subjunctive: frozenset[str],
) -> list[tuple[int, int]]:
    """``Das Handelsblatt schreibt, Verstöße … könnten …``, ``sagte bei der Gelegenheit, er freue
    sich …``: a main clause after the first comma of a sentence nothing is labelled in, where a
    verb of saying (:data:`SPEECH_VERBS`) stands in the stretch before the comma, is reported
    speech although no subjunctive of the lexicon marks it (``freue``, ``erspare``, ``warte``
    are missing from it). Sentences opened by ``Wie`` are left to the ``Wie X berichtet`` rule,
    and a first comma followed by a ``dass``, infinitive or known-subjunctive clause to
    :func:`find_complements`. A quoted name before the comma is allowed (``Die „Süddeutsche
    Zeitung“ hatte berichtet, …``), quotation marks after it are not. Train split: 12 such
    sentences without quotation marks, all 12 annotated so; 2 of 3 with a quoted name before
    the comma (the third: an apposition after the speaker, ``meldete der Sender, Radio
    Vatikan, dass …``)."""
    out: list[tuple[int, int]] = []
    hits = _occurrences(words, SPEECH_VERBS)
    if not hits:
        return out
    n = len(words)
    bounds = [*sent_starts, n]
    for k in _sentences_of(hits, sent_starts):
        lo, hi = bounds[k], bounds[k + 1]
        if hi - lo < REPORTED_MIN or words[hi - 1] == "?" or words[lo] == "Wie":
            continue
        if msg[lo:hi].count("O") != hi - lo:
            continue
        commas = _commas(words, lo + 1, hi - MIN_MESSAGE)
        if not commas:
            continue
        c = commas[0]
        if any(quoted_tokens[c:hi]):
            continue  # a quoted name before the comma is fine (``Die „Zeit“ meldet, …``)
        if clause_after(words, c, hi, subjunctive) is not None or not _main_clause_start(words, c + 1):
            continue
        if SPEECH_VERBS.isdisjoint(w.lower() for w in words[governor_window(words, lo, c) : c]):
            continue
        end = _clause_end(words, c + 1, hi)
        if end - c - 1 >= MIN_MESSAGE:
            out.append((c + 1, end))
    return out
