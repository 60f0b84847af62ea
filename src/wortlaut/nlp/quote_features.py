"""Token features for the quotation taggers, shared by training and the component.

Features are plain strings (what python-crfsuite takes fastest) built from lists, not spaCy
objects, so that training and extraction compute exactly the same thing. Besides the word and
its shape they carry what decides quotations in German news: the quote-mark state from
:mod:`quote_marks`, a cue lexicon and a subjunctive lexicon (both learned, shipped with the
model), and sentence-level facts (the sentence has a subjunctive verb, a cue, a quote; the
previous sentence had one — free indirect speech continues a speaker).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .quote_marks import QUOTE_CHARS, Quoted, quote_state

PRONOUNS = frozenset({"er", "sie", "es", "ich", "wir", "man", "dieser", "diese"})
MODALS = frozenset({"soll", "sollen", "sollte", "sollten", "müsse", "müssten", "müsste", "müssen", "solle"})
SHAPE_MARK = "q"


#: The features of a word that do not depend on its context, built once per word form, in this
#: order: 0 own features, 1 ``w-1=`` (as the previous word), 2 ``w+1=``, 3 ``w-2=``, 4 ``w+2=``,
#: 5 shape, 6 ``sh+1=`` (as the next word's shape), 7 cue, 8 subjunctive, 9 first name. A plain
#: tuple of strings, bools and a tuple of strings, not a class: the garbage collector stops tracking
#: such tuples after a pass or two over them, so the ~70 cached forms per article never pile up
#: as long-lived objects that make full collections due (docs/pipeline-speed.md).
Static = tuple[tuple[str, ...], str, str, str, str, str, str, bool, bool, bool]


@dataclass
class Lexicons:
    """Word lists learned at training time (lower-case forms)."""

    cues: frozenset[str] = field(default_factory=frozenset)
    subjunctive: frozenset[str] = field(default_factory=frozenset)
    first_names: frozenset[str] = field(default_factory=frozenset)
    #: verb forms that mark a sentence as a reported speech act (``fordert``, ``sprach``)
    reported: frozenset[str] = field(default_factory=frozenset)
    #: stems of words that govern a reported clause after a comma (``geht davon aus, dass``,
    #: ``hat versprochen, … zu``), learned from the cues of the train split's indirect quotes
    governors: frozenset[str] = field(default_factory=frozenset)
    #: word form -> its context-free features (see :func:`static`)
    cache: dict[str, Static] = field(default_factory=dict, compare=False, repr=False)
    #: the attributes either CRF knows (``None``: keep all, as in training); a word's other
    #: context-free features are dropped once, when cached: crfsuite ignores them anyway
    known: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass
class DocView:
    """The parts of a tokenised document the features need."""

    words: list[str]
    spaces_before: list[bool]
    breaks: list[bool]  # a paragraph break precedes the token
    sent_starts: list[int]  # token index where each sentence starts (ascending, first is 0)


def shape(word: str) -> str:
    """A coarse word shape: title case, upper, lower, digit, quote mark, other punctuation."""
    c = word[0]
    if c.isalpha():
        if c.isupper():
            return "U" if len(word) > 1 and word.isupper() else "C"
        return "l"
    if c.isdigit():
        return "d"
    if len(word) == 1 and c in QUOTE_CHARS:
        return SHAPE_MARK
    return word[:1]


#: bound on the word-form cache, so that a long-running server does not grow without end
STATIC_CACHE_SIZE = 200_000


Q_STR = tuple(f"q={k}" for k in range(4))
QL_STR = tuple(f"ql={k}" for k in range(5))
QM_STR = tuple(f"q-1={k}" for k in range(4))
QP_STR = tuple(f"q+1={k}" for k in range(4))
MARK_FORMS = frozenset({"<open>", "<close>", "<mark>"})
#: ``ac=`` strings by (seen cue, seen colon, seen dass, commas up to 2): formatting per token is slow
AC_STR = {
    (c, o, d, k): f"ac={c:d}{o:d}{d:d}{k}"
    for c in (False, True)
    for o in (False, True)
    for d in (False, True)
    for k in range(3)
}
#: ``sh-1=`` strings by (previous shape, shape), filled as shapes are seen
SH_PAIR: dict[tuple[str, str], str] = {}
POS_STR = tuple(f"pos={k}" for k in range(7))
D_STR = {d: f"d={d}" for d in (0, 1, 2, 3, 6, 12)}


def static(word: str, low: str, lex: Lexicons) -> Static:
    """The cached context-free features of a word form (``low``: its lower case or mark role)."""
    cache = lex.cache
    key = low if low in MARK_FORMS else word
    hit = cache.get(key)
    if hit is not None:
        return hit
    sh = shape(word)
    own = ["w=" + low, "s3=" + low[-3:], "sh=" + sh]
    if len(low) > 4:
        own.append("s2=" + low[-2:])
        own.append("p3=" + low[:3])
    cue = low in lex.cues
    first = word in lex.first_names
    subj = low in lex.subjunctive
    if cue:
        own.append("cue")
    if first:
        own.append("fn")
    if sh == "C" and len(low) > 6:
        own.append("s5=" + low[-5:])
    if subj:
        own.append("subj")
    if low in PRONOUNS:
        own.append("pron")
    prev, nxt, prev2, next2 = "w-1=" + low, "w+1=" + low, "w-2=" + low, "w+2=" + low
    known = lex.known
    if known is not None:  # "" marks a context feature the models never saw (not appended)
        own = list(filter(known.__contains__, own))
        prev, nxt, prev2, next2 = (f if f in known else "" for f in (prev, nxt, prev2, next2))
    st: Static = (tuple(own), prev, nxt, prev2, next2, sh, "sh+1=" + sh, cue, subj, first)
    if len(cache) >= STATIC_CACHE_SIZE:
        cache.clear()
    cache[key] = st
    return st


#: inflection endings cut by :func:`stem`, longest first
STEM_ENDINGS = ("eten", "test", "ten", "te", "en", "et", "st", "t", "e")


def stem(low: str) -> str:
    """A crude stem of a lower-case word: one inflection ending cut when at least four letters
    remain (``kündigten``, ``kündigte``, ``kündigen`` → ``kündig``). Enough to let a cue or
    reporting verb seen in one form count in its other forms."""
    for end in STEM_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 4:
            return low[: -len(end)]
    return low


def sentence_ids(n: int, sent_starts: Sequence[int]) -> list[int]:
    """The sentence number of every token (tokens before the first start count as sentence 0)."""
    ids = [0] * n
    starts = [b for b in sorted(set(sent_starts)) if 0 <= b < n]
    cuts = [*starts, n]
    for k in range(len(starts)):
        ids[cuts[k] : cuts[k + 1]] = [k] * (cuts[k + 1] - cuts[k])
    return ids


def doc_features(view: DocView, quoted: list[Quoted], lex: Lexicons) -> list[list[str]]:
    """One feature list per token.

    Built column by column (one list per feature, then zipped): per-token loops with a dozen
    conditional appends were the quote component's largest cost. A column holds ``""`` where a
    token lacks that feature; the empty strings are dropped when the rows are put together.
    """
    words = view.words
    n = len(words)
    if n == 0:
        return []
    lower = [w.lower() for w in words]
    # every style of mark looks the same to the model: opener, closer or unpaired
    for q in quoted:
        lower[q.start] = "<open>"
        lower[q.end - 1] = "<close>"
    for i, w in enumerate(words):
        if len(w) == 1 and w in QUOTE_CHARS and lower[i] not in ("<open>", "<close>"):
            lower[i] = "<mark>"
    cache = lex.cache  # looked up inline: a function call per token costs more than the look-up
    sts = [
        cache.get(low if low in MARK_FORMS else w) or static(w, low, lex)
        for w, low in zip(words, lower, strict=True)
    ]
    # indices as in Static: 0 own, 1 prev, 2 next, 3 prev2, 4 next2, 5 shape, 6 next_shape, 7 cue,
    # 8 subjunctive, 9 first name
    shapes = [st[5] for st in sts]
    qstate = quote_state(n, quoted)
    qlen = [0] * n
    for q in quoted:
        length = q.end - q.start - 2
        bucket = 1 if length <= 1 else 2 if length <= 3 else 3 if length <= 8 else 4
        for i in range(q.start, q.end):
            qlen[i] = max(qlen[i], bucket)
    is_cue = [st[7] for st in sts]
    sids = sentence_ids(n, view.sent_starts)
    n_sent = sids[-1] + 1
    s_subj = [False] * n_sent
    s_cue = [False] * n_sent
    s_quote = [False] * n_sent
    s_modal = [False] * n_sent
    s_colon = [False] * n_sent
    for i, st in enumerate(sts):
        if st[8]:
            s_subj[sids[i]] = True
        if st[7]:
            s_cue[sids[i]] = True
    for i, state in enumerate(qstate):
        if state:
            s_quote[sids[i]] = True
    for i, low in enumerate(lower):
        if low in MODALS:
            s_modal[sids[i]] = True
        elif low == ":":
            s_colon[sids[i]] = True
    s_str = [f"S={s_subj[k]:d}{s_cue[k]:d}{s_quote[k]:d}{s_modal[k]:d}{s_colon[k]:d}" for k in range(n_sent)]
    p_str = ["", *(f"P={s_subj[k]:d}{s_cue[k]:d}{s_quote[k]:d}" for k in range(n_sent - 1))]
    bos = [""] * n
    for b in view.sent_starts:
        if 0 <= b < n:
            bos[b] = "bos"
    pairs = [SH_PAIR.get(p) or _shape_pair(p) for p in zip(shapes, shapes[1:], strict=False)]
    columns = [
        [Q_STR[x] for x in qstate],
        [QL_STR[x] for x in qlen],
        [s_str[s] for s in sids],
        ["", *("fn-1" if st[9] else "" for st in sts[:-1])],
        [p_str[s] for s in sids],
        bos,
        ["par" if b else "" for b in view.breaks],
        _after_cue(words, lower, is_cue, sids),
        # the previous words (BOD: the first token of the document)
        ["BOD", *(st[1] for st in sts[:-1])],
        ["", *pairs],
        ["", *(QM_STR[x] for x in qstate[:-1])],
        ["", *("cue-1" if c else "" for c in is_cue[:-1])],
        ["", "", *(st[3] for st in sts[:-2])],
        ["", "", *("cue-2" if c else "" for c in is_cue[:-2])],
        # the next words (EOD: the last token)
        [*(st[2] for st in sts[1:]), "EOD"],
        [*(st[6] for st in sts[1:]), ""],
        [*(QP_STR[x] for x in qstate[1:]), ""],
        [*("cue+1" if c else "" for c in is_cue[1:]), ""],
        [*(st[4] for st in sts[2:]), "", ""][:n],
        [*("cue+2" if c else "" for c in is_cue[2:]), "", ""][:n],
    ]
    return [list(filter(None, st[0] + row)) for st, row in zip(sts, zip(*columns, strict=True), strict=True)]


def _shape_pair(pair: tuple[str, str]) -> str:
    s = SH_PAIR[pair] = "sh-1=" + pair[0] + pair[1]
    return s


def _after_cue(words: list[str], lower: list[str], is_cue: list[bool], sids: list[int]) -> list[str]:
    """The ``ac=`` feature: what the sentence has had before this token (a cue, a colon, ``dass``
    or ``ob`` after a cue, up to two commas)."""
    out: list[str] = []
    seen_cue = seen_colon = seen_dass = False
    commas = 0
    last_sent = -1
    for i, w in enumerate(words):
        if sids[i] != last_sent:
            seen_cue = seen_colon = seen_dass = False
            commas = 0
            last_sent = sids[i]
        out.append(AC_STR[seen_cue, seen_colon, seen_dass, commas if commas < 2 else 2])
        if is_cue[i]:
            seen_cue = True
        if w == ":":
            seen_colon = True
        elif w == ",":
            commas += 1
        elif seen_cue and lower[i] in ("dass", "ob"):
            seen_dass = True
    return out


_KINDS = ("O", "DIR", "IND", "FI", "IFI", "REP")
_RELS = ("none", "in", "before", "after", "between")
M_STR = {k: "m=" + k for k in _KINDS}
M_PREV = {k: "m-1=" + k for k in _KINDS}
M_NEXT = {k: "m+1=" + k for k in _KINDS}
MR_STR = {r: "mr=" + r for r in _RELS}
DREL_STR = {(r, k): f"d{r}={k}" for r in _RELS for k in (1, 2)}


def role_features(
    base: list[list[str]], msg_labels: Sequence[str], sent_starts: Sequence[int]
) -> list[list[str]]:
    """Features for the role tagger: the message tagger's labels added to the base features."""
    n = len(base)
    sids = sentence_ids(n, sent_starts)
    n_sent = (sids[-1] + 1) if n else 0
    first_msg = [-1] * n_sent
    last_msg = [-1] * n_sent
    for i, lab in enumerate(msg_labels):
        if lab != "O":
            s = sids[i]
            if first_msg[s] < 0:
                first_msg[s] = i
            last_msg[s] = i
    sent_starts_of = list(sent_starts) or [0]
    kinds = [lab[2:] if lab != "O" else "O" for lab in msg_labels]
    out: list[list[str]] = []
    for i in range(n):
        s = sids[i]
        lab = msg_labels[i]
        kind = lab[2:] if lab != "O" else "O"
        if first_msg[s] < 0:
            rel = "none"
        elif lab != "O":
            rel = "in"
        elif i < first_msg[s]:
            rel = "before"
        elif i > last_msg[s]:
            rel = "after"
        else:
            rel = "between"
        pos = i - sent_starts_of[s]
        f = [*base[i], M_STR[kind], MR_STR[rel], POS_STR[pos if pos < 6 else 6]]
        if rel in ("before", "after", "between"):
            d1, d2 = abs(i - first_msg[s]), abs(i - last_msg[s])
            d = d1 if d1 < d2 else d2
            f.append(D_STR[d if d < 3 else 3 if d < 6 else 6 if d < 12 else 12])
            f.append(DREL_STR[rel, 1 if d < 6 else 2])
        if i > 0:
            f.append(M_PREV[kinds[i - 1]])
        if i + 1 < n:
            f.append(M_NEXT[kinds[i + 1]])
        if s > 0 and first_msg[s] < 0 and first_msg[s - 1] >= 0:
            f.append("prevmsg")
        if s + 1 < n_sent and first_msg[s] < 0 and first_msg[s + 1] >= 0:
            f.append("nextmsg")
        out.append(f)
    return out


SENT_END = frozenset({".", "!", "?"})


def split_sentences(
    words: Sequence[str], breaks: Sequence[bool], spaces_before: Sequence[bool] | None = None
) -> list[int]:
    """Sentence starts by a small rule: after . ! ? (and any closing marks) before a capital or an
    opening mark, and at paragraph breaks. Our own rule, so that training and extraction agree
    whatever sentence splitter a user's pipeline has."""
    n = len(words)
    starts = [0] if n else []
    i = 0
    while i < n:
        if i > 0 and breaks[i] and starts[-1] != i:
            starts.append(i)
        w = words[i]
        if w in SENT_END or (len(w) > 1 and w[-1] in "!?" and not w[0].isalnum()):
            j = i + 1
            while j < n and words[j] in ("“", "”", '"', "«", "»", "'", "‘", ")"):
                if (
                    spaces_before is not None
                    and words[j] in ('"', "'")
                    and spaces_before[j]
                    and j + 1 < n
                    and not spaces_before[j + 1]
                ):
                    break  # a straight mark after a space, before a word, opens the next sentence
                j += 1
            if (
                j < n
                and j > i
                and (words[j][:1].isupper() or words[j] in ("„", '"', "»", "“"))
                and not breaks[j]
                and starts[-1] != j
            ):
                starts.append(j)
            i = j if j > i + 1 else i + 1
            continue
        i += 1
    return starts


def view_from_tokens(texts: Sequence[str], whitespace: Sequence[str]) -> tuple[DocView, list[int]]:
    """A :class:`DocView` of the non-space tokens, and the original index of each kept token.

    ``texts``/``whitespace`` are spaCy's token texts and trailing whitespace; whitespace tokens
    (spaCy keeps runs of newlines as tokens) only mark paragraph breaks.
    """
    words: list[str] = []
    spaces: list[bool] = []
    breaks: list[bool] = []
    keep: list[int] = []
    pending_space = True
    pending_break = True
    for i, t in enumerate(texts):
        if t.isspace():
            pending_space = True
            if "\n" in t:
                pending_break = True
            continue
        words.append(t)
        spaces.append(pending_space)
        breaks.append(pending_break)
        keep.append(i)
        ws = whitespace[i]
        pending_space = bool(ws)
        pending_break = "\n" in ws
    return DocView(words, spaces, breaks, split_sentences(words, breaks, spaces)), keep
