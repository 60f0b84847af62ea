"""Is a whole sentence someone's reported, free indirect or indirect/free indirect speech?

In the German Wikinews quotation dataset these messages are mostly *whole sentences without a
cue*: a reported speech act (``Smith kündigte weitere Maßnahmen an.``), hearsay with ``sollen``
(``Im Osten sollen mehr Truppen stationiert werden.``), a subjunctive sentence going on with
what a speaker said (``Die Lage sei ernst.``). Nothing in such a sentence is a cue the message
tagger could key on; what gives them away is the sentence as a whole: its verbs, a subjunctive,
a hearsay modal, and above all whether the sentence before it reported someone. The rules of
:mod:`quote_sources` look at one clue each; this module weighs them all together in a small
multinomial logistic regression over sentence clues (``training/train_sentences.py``; weights
in ``models/quotes/sentences.json``), trained on the train split's sentences with the gold type
of the sentence before.

At run time it goes through the sentences in order, after the taggers and the rules (so the
sentence before carries the system's labels, including what this judge just added), and

* labels a sentence nothing was found in as a whole message of the likeliest type when that
  type's probability reaches ``add_above`` (the speaker then comes from the assembly rules);
* clears a sentence labelled only reported / free indirect / indirect-free-indirect when the
  probability of "no message" reaches that type's ``veto_above``.

An absent weights file turns the judge off.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .quote_features import stem

FILE = "sentences.json"
#: classes of the regression; ``O``: no message, ``IND``: an indirect message the tagger missed
#: (learned so that cue sentences are not taken for the others, never added)
CLASSES = ("O", "IND", "REP", "FI", "IFI")
#: the classes this judge may add or clear
SENTENCE_TYPES = frozenset({"REP", "FI", "IFI"})
#: sentence lengths (tokens) judged, as for the reported-speech rules
MIN_LEN, MAX_LEN = 5, 45
ENDS = frozenset({".", "!"})
#: present-tense ``sollen``, the hearsay modal; ``sollte`` is mostly a plan or advice
HEARSAY = frozenset({"soll", "sollen", "solle"})
PLAN = frozenset({"sollte", "sollten"})
MUST = frozenset({"müsse", "müssten", "müsste", "müssen", "muss"})
FIRST_WORDS = frozenset(
    {"er", "sie", "es", "ich", "wir", "man", "dies", "diese", "dieser", "dieses", "das", "der", "die"}
    | {"demnach", "danach", "zudem", "außerdem", "auch", "so", "dabei", "damit", "deshalb", "daher"}
    | {"allerdings", "jedoch", "aber", "doch", "dort", "hier", "nun", "jetzt", "zuvor", "bereits"}
)


#: lower-case word -> its ``s=`` stem clue (see :func:`stem_clue`); bounded like the feature cache
_STEMS: dict[str, str] = {}
CACHE_SIZE = 100_000


def stem_clue(low: str) -> str:
    """``s=`` plus the :func:`~.quote_features.stem` of a lower-case word, cached: a verb seen in
    one form (``kündigte``) counts in the others (``kündigten``, ``kündigen``)."""
    hit = _STEMS.get(low)
    if hit is None:
        if len(_STEMS) >= CACHE_SIZE:
            _STEMS.clear()
        hit = _STEMS[low] = "s=" + stem(low)
    return hit


#: sentences back (same paragraph) in which the ``recent`` clue looks for a message
RECENT = 3


def recent_type(types: Sequence[str]) -> str:
    """The type of the nearest message among the last :data:`RECENT` sentence types of the
    paragraph so far (``O``: none)."""
    for t in reversed(types[-RECENT:]):
        if t != "O":
            return t
    return "O"


def _len_bucket(n: int) -> str:
    for top, name in ((8, "5-8"), (12, "9-12"), (18, "13-18"), (25, "19-25")):
        if n <= top:
            return name
    return "26+"


@dataclass(frozen=True)
class Clues:
    """Lexicons the clues read: learned cue words and reported-verb forms, subjunctive forms."""

    cues: frozenset[str]
    reported: frozenset[str]
    subjunctive: frozenset[str]


#: bits of :func:`sentence_flags`
CUE, REP, HEARSAY_BIT, PLAN_BIT, MUST_BIT, COLON = 1, 2, 4, 8, 16, 32


def sentence_flags(words: frozenset[str] | set[str], clues: Clues) -> tuple[int, int]:
    """The number of distinct subjunctive words among the distinct lower-case ``words`` of a
    sentence, and what else they hold, as bits (cue, reported verb, hearsay ``sollen``, plan
    ``sollte``, ``müssen``, colon). Set operations only: this runs on most sentences."""
    flags = (
        (0 if words.isdisjoint(clues.cues) else CUE)
        | (0 if words.isdisjoint(clues.reported) else REP)
        | (0 if words.isdisjoint(HEARSAY) else HEARSAY_BIT)
        | (0 if words.isdisjoint(PLAN) else PLAN_BIT)
        | (0 if words.isdisjoint(MUST) else MUST_BIT)
        | (COLON if ":" in words else 0)
    )
    return len(words & clues.subjunctive), flags


def word_clues(low: str) -> list[str]:
    """The clues one distinct lower-case word of a sentence adds: itself, and its stem."""
    return ["w=" + low, stem_clue(low)] if low[:1].isalpha() else ["w=" + low]


def context_features(
    n: int,
    first: str,
    prev: str,
    prev2: str,
    recent: str,
    paragraph_start: bool,
    doc_start: bool,
    subj: int,
    flags: int,
) -> list[str]:
    """The clues of a sentence beside its words: length ``n``, first word ``first`` (as
    written), the types before it, the paragraph, the number ``subj`` of distinct subjunctive
    words and the bits ``flags`` of :func:`sentence_flags`."""
    feats = ["bias", "len=" + _len_bucket(n), "prev=" + prev, "prev2=" + prev2, "recent=" + recent]
    feats.append("subj=" + ("0" if subj == 0 else "1" if subj == 1 else "2+"))
    if subj:
        feats.append("subj_prev=" + prev)
        feats.append("subj_recent=" + recent)
    if flags & CUE:
        feats.append("cue")
    if flags & REP:
        feats.extend(("rep", "rep_prev=" + prev, "rep_recent=" + recent))
    if flags & HEARSAY_BIT:
        feats.extend(("hearsay", "hearsay_prev=" + prev, "hearsay_recent=" + recent))
    if flags & PLAN_BIT:
        feats.append("plan")
    if flags & MUST_BIT:
        feats.append("must")
    if flags & COLON:
        feats.append("colon")
    low0 = first.lower()
    feats.append("first=" + (low0 if low0 in FIRST_WORDS else "C" if first[:1].isupper() else "x"))
    if paragraph_start:
        feats.append("par_start")
    if doc_start:
        feats.append("doc_start")
    return feats


def sentence_features(
    lower: Sequence[str],
    first: str,
    prev: str,
    prev2: str,
    recent: str,
    paragraph_start: bool,
    doc_start: bool,
    clues: Clues,
) -> list[str]:
    """All clues of one sentence, as training sees them (``lower``: its lower-case words;
    ``first``: its first word as written; ``prev``/``prev2``: the message type of the sentences
    one and two back, ``O`` for none, ``-`` for a paragraph break in between; ``recent``: the
    type of the nearest message in the :data:`RECENT` sentences before, same paragraph, ``O``
    for none). Each distinct word adds :func:`word_clues` (a learned vocabulary decides which
    count). :func:`judge_sentences` scores the same clues without building these strings."""
    words = set(lower)
    subj, flags = sentence_flags(words, clues)
    feats = context_features(len(lower), first, prev, prev2, recent, paragraph_start, doc_start, subj, flags)
    for w in words:
        feats.extend(word_clues(w))
    return feats


#: the arguments of :func:`context_features`
Context = tuple[int, str, str, str, str, bool, bool, int, int]


@dataclass(frozen=True)
class SentenceJudge:
    """Multinomial logistic regression over :func:`sentence_features` (one weight per class and
    feature) with its two thresholds."""

    weights: Mapping[str, tuple[float, ...]]
    add_above: float
    #: per type, the probability of "no message" from which a sentence of it is cleared (a type
    #: not named here is never cleared)
    veto_above: Mapping[str, float]
    #: lower-case word -> the summed weights of its :func:`word_clues` (``()``: none known)
    cache: dict[str, tuple[float, ...]] = field(default_factory=dict, compare=False, repr=False)
    #: the context clues of :func:`context_features`, by their arguments -> summed weights
    contexts: dict[Context, tuple[float, ...]] = field(default_factory=dict, compare=False, repr=False)

    def probabilities(self, feats: Sequence[str]) -> list[float]:
        """Probability of each class of :data:`CLASSES`."""
        get = self.weights.get
        return softmax([v for v in map(get, feats) if v is not None])

    def word(self, low: str) -> tuple[float, ...]:
        """The summed weights of one lower-case word's clues, cached (``()``: none known)."""
        rows = [v for v in map(self.weights.get, word_clues(low)) if v is not None]
        vec = tuple(map(sum, zip(*rows, strict=True))) if rows else ()
        if len(self.cache) >= CACHE_SIZE:
            self.cache.clear()
        self.cache[low] = vec
        return vec

    def context(self, args: Context) -> tuple[float, ...]:
        """The summed weights of :func:`context_features` of ``args``, cached (few distinct)."""
        hit = self.contexts.get(args)
        if hit is None:
            rows = [v for v in map(self.weights.get, context_features(*args)) if v is not None]
            hit = tuple(map(sum, zip(*rows, strict=True))) if rows else (0.0,) * len(CLASSES)
            if len(self.contexts) >= CACHE_SIZE:
                self.contexts.clear()
            self.contexts[args] = hit
        return hit


def softmax(rows: Sequence[Sequence[float]]) -> list[float]:
    """Class probabilities from the weight rows of the clues present (summed per class)."""
    if not rows:
        return [1.0 / len(CLASSES)] * len(CLASSES)
    z = [sum(col) for col in zip(*rows, strict=True)]
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = sum(e)
    return [x / total for x in e]


def load_sentence_judge(model_dir: Path) -> SentenceJudge | None:
    """The judge shipped beside the taggers, or ``None`` (feature off) when there is none."""
    path = model_dir / FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data["classes"]) != list(CLASSES):
        return None
    return SentenceJudge(
        weights={k: tuple(float(x) for x in v) for k, v in data["weights"].items()},
        add_above=float(data["add_above"]),
        veto_above={t: float(x) for t, x in data["veto_above"].items() if t in SENTENCE_TYPES},
    )


@lru_cache(maxsize=4)
def worth_adding(reported: frozenset[str]) -> frozenset[str]:
    """Word forms (as written) that make an empty sentence with no message near it worth
    scoring: reported verbs and hearsay ``sollen``."""
    return reported | HEARSAY | {w.capitalize() for w in HEARSAY}


def sentence_type(msg: Sequence[str], lo: int, hi: int) -> str:
    """The commonest message type of the labels ``msg[lo:hi]`` (``O`` when there is none)."""
    labels = msg[lo:hi]
    if labels.count("O") == hi - lo:
        return "O"
    counts: dict[str, int] = {}
    for lab in labels:
        if lab != "O":
            counts[lab[2:]] = counts.get(lab[2:], 0) + 1
    return max(counts, key=lambda t: counts[t])


def judgeable(words: Sequence[str], quoted_tokens: Sequence[int], lo: int, hi: int) -> bool:
    """Sentences the judge looks at: 5–45 tokens, a final full stop or ``!``, no quotation marks
    (quotations are the taggers' and the stretch judge's business)."""
    return MIN_LEN <= hi - lo <= MAX_LEN and words[hi - 1] in ENDS and not any(quoted_tokens[lo:hi])


def _own_run(msg: Sequence[str], lo: int, hi: int) -> bool:
    """Whether the messages of ``[lo, hi)`` start and end inside it (clearing them leaves no
    half run behind) and are all of the sentence types."""
    if msg[lo].startswith("I-") or (hi < len(msg) and msg[hi].startswith("I-")):
        return False
    return all(lab == "O" or lab[2:] in SENTENCE_TYPES for lab in msg[lo:hi])


def judge_sentences(
    judge: SentenceJudge | None,
    words: Sequence[str],
    msg: list[str],
    sent_starts: Sequence[int],
    breaks: Sequence[bool],
    quoted_tokens: Sequence[int],
    clues: Clues,
) -> None:
    """Add and clear whole-sentence messages in ``msg`` (in place), sentence by sentence, each
    judged with the labels of the sentences before it as they are by then."""
    if judge is None:
        return
    n = len(words)
    bounds = [*sent_starts, n]
    worth = worth_adding(clues.reported)
    prev, prev2 = "-", "-"
    paragraph: list[str] = []
    for k in range(len(sent_starts)):
        lo, hi = bounds[k], bounds[k + 1]
        par = bool(breaks[lo]) if breaks else k == 0
        if par:
            prev, prev2 = "-", "-"
            paragraph = []
        own = "O" if msg[lo:hi].count("O") == hi - lo else sentence_type(msg, lo, hi)
        recent = recent_type(paragraph)
        if (
            own in SENTENCE_TYPES or (own == "O" and (recent != "O" or not worth.isdisjoint(words[lo:hi])))
        ) and judgeable(words, quoted_tokens, lo, hi):
            # (an empty sentence with no message near it and no reporting verb or hearsay
            # ``sollen`` is almost never one of the types: most sentences, not scored)
            lowers = set(map(str.lower, words[lo:hi]))
            subj, flags = sentence_flags(lowers, clues)
            p = score_sentence(
                judge, hi - lo, words[lo], lowers, subj, flags, prev, prev2, recent, par, k == 0
            )
            if own == "O":
                best = max(range(2, len(CLASSES)), key=p.__getitem__)
                if p[best] >= judge.add_above:
                    own = CLASSES[best]
                    msg[lo] = "B-" + own
                    for i in range(lo + 1, hi):
                        msg[i] = "I-" + own
            elif p[0] >= judge.veto_above.get(own, 2.0) and _own_run(msg, lo, hi):
                for i in range(lo, hi):
                    msg[i] = "O"
                own = "O"
        prev, prev2 = own, prev
        paragraph.append(own)


def score_sentence(
    judge: SentenceJudge,
    n: int,
    first: str,
    lowers: set[str],
    subj: int,
    flags: int,
    prev: str,
    prev2: str,
    recent: str,
    par: bool,
    doc_start: bool,
) -> list[float]:
    """:meth:`SentenceJudge.probabilities` of :func:`sentence_features` for a sentence of ``n``
    tokens with first word ``first``, distinct lower-case words ``lowers`` and their
    :func:`sentence_flags` ``subj``, ``flags``, from the caches (no clue strings built per word)."""
    cache = judge.cache
    vecs = list(map(cache.get, lowers))
    if None in vecs:
        vecs = [judge.word(w) if v is None else v for w, v in zip(lowers, vecs, strict=True)]
    rows = list(filter(None, vecs))
    low0 = first.lower()
    head = low0 if low0 in FIRST_WORDS else "C" if first[:1].isupper() else "x"
    # the context's arguments, with the first word reduced to what its clue reads
    key = (
        n,
        head if head != "C" else "Capital",
        prev,
        prev2,
        recent,
        par,
        doc_start,
        min(subj, 2),
        flags,
    )
    rows.append(judge.context(key))
    return softmax(rows)
