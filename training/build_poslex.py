"""Build a word-class lexicon (finite verb, preposition, article …) from Universal Dependencies.

Status: an experiment for the name tagger, measured and **not shipped** (see the NER model card,
"Word classes"): neither as CRF features nor through two rules built on it did it improve the
tagger on held-out sentences. Kept because the lexicon is cheap to rebuild and may serve other
components.

Why: many names the tagger misses are single unknown surnames whose only clue is the grammar
around them — German puts the subject right after the finite verb (``schoss Kaká in``,
``musste Halmich aber``) and names follow prepositions (``mit Hiroshige``). The tagger saw words
but not word classes: ``schoss`` and ``startete`` are unrelated strings to it. This lexicon gives
each word its most frequent coarse class, so a feature such as ``-1pos=VFIN`` (previous word is
a finite verb) generalises over all verbs seen in the Universal Dependencies data, not only those
in the tagger's training sentences.

Source: Universal Dependencies German GSD dev/test and PUD test (CC BY-SA 4.0 / 3.0), classes
from UPOS and the ``VerbForm``/``PronType`` features (PUD's language-specific tags are not STTS,
so the universal ones are used). Contractions (``im``, ``zum``) count as prepositions.

Output lines:

- ``w<TAB>form<TAB>CLASS``: a lower-case form (sentence-initial words are lower-cased when they
  are not nouns) with its most frequent class; capitalised forms only when they are nouns or names
  whose lower-case twin is listed (``Essen`` is not ``essen``), as ``N``;
- ``s<TAB>suffix<TAB>CLASS``: the class of *rare* lower-case words (seen at most twice) with that
  three-letter ending, where one class holds at least ``SUFFIX_SHARE`` of ``SUFFIX_MIN`` or more
  word types — a guess for unseen words (``startete`` → ``VFIN``).

Usage (about two seconds)::

    .venv/bin/python training/build_poslex.py --out /tmp/poslex.tsv.gz
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ud"
FILES = ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu")
sys.path.insert(0, str(ROOT / "training"))

from build_gazetteers import write_gz  # noqa: E402

SUFFIX_MIN = 8
SUFFIX_SHARE = 0.6
#: classes left out of the word list (the tagger has its own noun/name evidence, ``wordclass``)
NOMINAL = {"N"}


def coarse_class(upos: str, feats: str) -> str | None:
    """A coarse class from UPOS and features; ``None`` for punctuation and symbols.

    Finite forms are kept apart from infinitives and participles (only a finite verb opens the
    German subject slot), full verbs from auxiliaries and modals (``hatte``, ``musste``), articles
    from other determiners.
    PUD often omits ``VerbForm`` on finite verbs; ``Mood`` marks them there.
    """
    f = dict(kv.split("=", 1) for kv in feats.split("|") if "=" in kv)
    if upos in ("VERB", "AUX"):
        form = f.get("VerbForm", "")
        if form == "Fin" or (not form and "Mood" in f):  # PUD often leaves VerbForm out
            return "VFIN" if upos == "VERB" else "AFIN"
        if form == "Part":
            return "VPP"
        return "VINF"
    if upos == "DET":
        return "ART" if f.get("PronType") == "Art" else "DET"
    if upos in ("NOUN", "PROPN"):
        return "N"
    if upos in ("ADP", "PRON", "ADV", "CCONJ", "SCONJ", "ADJ", "NUM", "PART"):
        return upos
    return None


def read_tokens(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as (form, class) pairs; a contraction (``im`` = ``in`` + ``dem``) takes its first
    part's class."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    skip_to = 0
    pending: str | None = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur, skip_to, pending = [], 0, None
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            continue
        tid = cols[0]
        if "-" in tid:
            start, _, end = tid.partition("-")
            skip_to, pending = int(end), cols[1]
            continue
        if "." in tid:
            continue
        cls = coarse_class(cols[3], cols[5])
        if pending is not None:
            if cls is not None:
                cur.append((pending, cls))
            pending = None
            continue
        if int(tid) <= skip_to:
            continue
        if cls is not None:
            cur.append((cols[1], cls))
    if cur:
        sents.append(cur)
    return sents


def build(sents: list[list[tuple[str, str]]]) -> tuple[dict[str, str], dict[str, str]]:
    """The word list and the suffix guesses (see the module docstring)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in sents:
        for i, (form, cls) in enumerate(sent):
            if not form[:1].isalpha():
                continue
            key = form.lower() if form[:1].islower() or (i == 0 and cls not in NOMINAL) else form
            counts[key][cls] += 1
    words: dict[str, str] = {}
    for key, c in counts.items():
        cls = c.most_common(1)[0][0]
        if key[:1].islower():
            if cls not in NOMINAL:
                words[key] = cls
        elif key.lower() in counts:
            words[key] = cls  # blocks the lower-case fallback (``Essen``, ``Morgen``)
    for key in [k for k in words if not k[:1].islower()]:
        if key.lower() not in words:
            del words[key]
    by_suffix: dict[str, Counter[str]] = defaultdict(Counter)
    for key, c in counts.items():
        if key[:1].islower() and len(key) > 4 and key.isalpha() and sum(c.values()) <= 2:
            by_suffix[key[-3:]][c.most_common(1)[0][0]] += 1
    suffixes: dict[str, str] = {}
    for suf, c in by_suffix.items():
        cls, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= SUFFIX_MIN and n >= SUFFIX_SHARE * total and cls not in NOMINAL:
            suffixes[suf] = cls
    return words, suffixes


def read_lexicon(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The word list and the suffix guesses of a file written by :func:`main`."""
    words: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, key, cls = line.rstrip("\n").split("\t")
            (words if kind == "w" else suffixes)[key] = cls
    return words, suffixes


def word_class(word: str, words: dict[str, str], suffixes: dict[str, str]) -> str | None:
    """A word's class: the form itself, else a capitalised word's lower-case form (``Die``
    opening a sentence), else — for an unseen lower-case word — its ending's guess, prefixed
    ``g`` (``startete`` → ``gVFIN``) so a user can weigh guesses apart."""
    cls = words.get(word)
    if cls is None and word[:1].isupper():
        cls = words.get(word.lower())
    if cls is None and word[:1].islower() and len(word) > 4:
        guess = suffixes.get(word[-3:])
        cls = "g" + guess if guess else None
    return cls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    sents = [s for name in FILES for s in read_tokens(args.data / name)]
    words, suffixes = build(sents)
    lines = [f"w\t{w}\t{c}" for w, c in sorted(words.items())]
    lines += [f"s\t{s}\t{c}" for s, c in sorted(suffixes.items())]
    write_gz(args.out, lines)
    print(
        f"{len(sents)} sentences; {len(words)} words {dict(Counter(words.values()))}; "
        f"{len(suffixes)} suffixes {dict(Counter(suffixes.values()))}; {args.out.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
