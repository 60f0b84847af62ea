"""Reading GermEval-2014-style NER files and turning tag sequences into spans.

Shared by ``wortlaut eval ner`` and ``training/train_ner.py`` so both read the data the same way.

GermEval 2014 labels: PER, LOC, ORG, OTH, each also with ``deriv`` (``russischen``) and ``part``
(``NATO-Generalsekretär``) variants. Wortlaut's word-level labels are PER/LOC/ORG/MISC (OTH is
MISC); deriv/part are not word-level names in Wortlaut — they become ``derived``/``part``
mentions of an entity — so :func:`main_label` maps them to None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass
class TaggedSentence:
    """One sentence: its words and the outer BIO tags as the file writes them."""

    words: list[str]
    tags: list[str]
    source: str = ""  # the comment line before it (URL and date in GermEval)
    line: int = 0


def main_label(label: str) -> str | None:
    """GermEval label → Wortlaut word-level label; None for deriv/part variants."""
    if label.endswith(("deriv", "part")):
        return None
    return "MISC" if label == "OTH" else label


def read_germeval(path: Path) -> list[TaggedSentence]:
    """Sentences of a GermEval TSV file (``#`` comment, then ``index token outer nested`` lines)."""
    sentences: list[TaggedSentence] = []
    current: TaggedSentence | None = None
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                if current and current.words:
                    sentences.append(current)
                current = None
                continue
            if line.startswith("#"):
                if current and current.words:
                    sentences.append(current)
                current = TaggedSentence([], [], line[1:].strip(), lineno)
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise InputError(
                    f"expected 'index<TAB>token<TAB>outer<TAB>nested', got {len(cols)} column(s)",
                    where=f"{path}:{lineno}",
                    hint="is this a GermEval 2014 TSV file?",
                )
            if current is None:
                current = TaggedSentence([], [], "", lineno)
            current.words.append(cols[1])
            current.tags.append(cols[2])
    if current and current.words:
        sentences.append(current)
    return sentences


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from BIO tags; a stray ``I-`` starts a span."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if prefix == "I" and lab == label and start >= 0:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start = -1
        if prefix in ("B", "I"):
            start, label = i, lab
    return spans


def spans_to_bio(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, lab in spans:
        tags[s] = "B-" + lab
        for i in range(s + 1, e):
            tags[i] = "I-" + lab
    return tags
