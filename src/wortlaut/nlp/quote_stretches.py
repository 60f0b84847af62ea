"""Is a stretch in quotation marks someone's words, or a name or title?

German news put both in the same marks: ``sagte er: „Wir bleiben.“`` and ``unter dem Motto „Mut
und Leidenschaft“``, ``der Film „Todeszone im Atlantik“``, ``als „Stadt der Literatur“
ausgezeichnet``. The message tagger and the assembly rules (a long quoted stretch is a quotation)
take many such titles for direct quotes: on held-out train articles they were about one in four
of the direct quotes with no gold partner. Titles announce themselves by the words around them
(``Motto``, ``Titel``, ``Film``, ``der``, a list of quoted names) and inside them (capitalised
words, no verb in the first person, no final full stop), which a small logistic regression over
such clues learns from the train split (``training/train_stretches.py``; weights in
``models/quotes/stretches.json``). The judge only ever *vetoes*: a stretch it finds unlikely to
be a quotation is not made one, whatever the rules say.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Container, Sequence
from dataclasses import dataclass
from pathlib import Path

from .quote_marks import Quoted

FILE = "stretches.json"
#: first- and second-person words: someone speaking, not a title
SPEAKING = frozenset(
    {"ich", "mich", "mir", "wir", "uns", "unser", "unsere", "unseren", "unserer", "unserem", "mein", "meine"}
    | {"meinen", "meiner", "meinem", "du", "dich", "dir", "ihr", "euch", "sie", "man", "nicht", "es"}
)
PUNCT_END = frozenset({".", "!", "?", "…", ":", ",", ";", "-", "–"})


def _bucket(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (4, "3-4"), (6, "5-6"), (10, "7-10"), (20, "11-20")):
        if n <= top:
            return name
    return "21+"


def _share(k: int, n: int) -> str:
    if n == 0 or k == 0:
        return "0"
    share = k / n
    return "low" if share < 0.34 else "mid" if share < 0.67 else "high"


def stretch_features(
    words: Sequence[str],
    q: Quoted,
    sentence: tuple[int, int],
    cues: Container[str],
    paragraph_start: bool = False,
    in_paraphrase: bool = False,
) -> list[str]:
    """Clues for one quoted stretch ``q`` (marks included) in its sentence ``[lo, hi)``;
    ``in_paraphrase``: a reported message goes on right before or after it (quoted words inside
    a paraphrase are quotations far more often than a free-standing quoted name)."""
    lo, hi = sentence
    inner = list(words[q.start + 1 : q.end - 1])
    alpha = [w for w in inner if w[:1].isalpha()]
    lower = sum(1 for w in alpha if w[:1].islower())
    prev1 = words[q.start - 1].lower() if q.start > lo else "<s>"
    prev2 = words[q.start - 2].lower() if q.start - 1 > lo else "<s>"
    next1 = words[q.end].lower() if q.end < hi else "</s>"
    next2 = words[q.end + 1].lower() if q.end + 1 < hi else "</s>"
    first = inner[0] if inner else ""
    last = inner[-1] if inner else ""
    ending = last if last in PUNCT_END else "w"
    feats = [
        "bias",
        "len=" + _bucket(len(inner)),
        "lower=" + _share(lower, len(alpha)),
        "p1=" + prev1,
        "p2=" + prev2,
        "p12=" + prev2 + "_" + prev1,
        "n1=" + next1,
        "n12=" + next1 + "_" + next2,
        "p1suf=" + prev1[-4:],
        "first=" + first.lower(),
        "firstcap=" + str(first[:1].isupper()),
        "last=" + ending,
    ]
    # the shape of the word before, of the first word and of the end, together: ``Film „Die …“``
    # (a noun, then a capitalised title without final punctuation) reads as a name
    feats.append(
        "shape=" + _word_shape(words[q.start - 1] if q.start > lo else "") + _word_shape(first) + ending
    )
    if any(w.lower() in SPEAKING for w in inner):
        feats.append("speaking")
    if any(ch.isdigit() for w in inner for ch in w):
        feats.append("digits")
    if any(w.lower() in cues for w in inner):
        feats.append("inner_cue")
    outside = [w.lower() for w in (*words[lo : q.start], *words[q.end : hi])]
    if any(w in cues for w in outside):
        feats.append("sentence_cue")
    if q.start == lo or (q.start - 1 == lo and not words[lo][:1].isalnum()):
        feats.append("opens_sentence")
    if q.end >= hi - 1:
        feats.append("closes_sentence")
    if paragraph_start:
        feats.append("opens_paragraph")
    if in_paraphrase:
        feats.extend(
            (
                "paraphrase",
                "paraphrase_len=" + _bucket(len(inner)),
                "paraphrase_lower=" + _share(lower, len(alpha)),
            )
        )
    if prev1 in (",", "und", "oder") and q.start >= 2 and _is_closer(words[q.start - 2]):
        feats.append("listed_after_quote")
    if next1 in (",", "und", "oder") and q.end + 1 < len(words) and _is_opener(words[q.end + 1]):
        feats.append("listed_before_quote")
    return feats


def _word_shape(w: str) -> str:
    """``C`` capitalised word, ``l`` lower-case word, ``p`` anything else (punctuation, digits)."""
    if w[:1].isalpha():
        return "C" if w[:1].isupper() else "l"
    return "p"


def _is_closer(w: str) -> bool:
    return w in ("“", "”", '"', "«", "»", "‘", "’", "'")


def _is_opener(w: str) -> bool:
    return w in ("„", "“", '"', "»", "«", "‚", "'")


@dataclass(frozen=True)
class StretchJudge:
    """Logistic regression over :func:`stretch_features`; ``veto_below`` is its veto threshold."""

    weights: dict[str, float]
    veto_below: float

    def probability(self, feats: Sequence[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def vetoes(self, feats: Sequence[str]) -> bool:
        return self.probability(feats) < self.veto_below


def load_judge(model_dir: Path) -> StretchJudge | None:
    """The judge shipped beside the taggers, or ``None`` for a model trained before it existed."""
    path = model_dir / FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return StretchJudge(
        weights={k: float(v) for k, v in data["weights"].items()}, veto_below=data["veto_below"]
    )


def vetoed_stretches(
    judge: StretchJudge | None,
    words: Sequence[str],
    quoted: Sequence[Quoted],
    sent_starts: Sequence[int],
    breaks: Sequence[bool],
    cues: Container[str],
    msg: Sequence[str],
) -> set[int]:
    """Start indices of the outer quoted stretches the judge finds to be no quotation, given the
    message labels ``msg`` so far (a non-direct label next to a stretch: a paraphrase)."""
    if judge is None:
        return set()
    out: set[int] = set()
    for q in quoted:
        if q.depth != 0:
            continue
        sentence = (
            sentence_of(q.start, sent_starts, len(words))[0],
            sentence_of(q.end - 1, sent_starts, len(words))[1],
        )
        around = (msg[q.start - 1] if q.start > 0 else "O", msg[q.end] if q.end < len(msg) else "O")
        paraphrase = any(lab != "O" and not lab.endswith("DIR") for lab in around)
        feats = stretch_features(
            words, q, sentence, cues, bool(breaks[q.start]) if breaks else False, paraphrase
        )
        if judge.vetoes(feats):
            out.add(q.start)
    return out


def sentence_of(i: int, sent_starts: Sequence[int], n: int) -> tuple[int, int]:
    """``[lo, hi)`` of the sentence holding token ``i``."""
    k = bisect_right(sent_starts, i) - 1
    lo = sent_starts[k] if k >= 0 else 0
    hi = sent_starts[k + 1] if k + 1 < len(sent_starts) else n
    return lo, hi
