"""Build ``models/ner/corpusnames.tsv.gz``: what kind of name a word usually is in unlabelled news.

Why: most names the tagger meets were never in its 1,100 in-domain training sentences, and one
sentence often gives too little evidence (``Zuvor hatte Aerocondor auch …``). The same word in a
large unlabelled corpus, read by a tagger, shows up in many contexts — ``der Konzern Bombardier``,
``sagte Schröder``, ``Bombardier-Chef`` — and the label the tagger gives it most often is a
corpus-level verdict that a single sentence cannot reach (the idea behind EMM's name lists learnt
from news, and Ratinov & Roth's aggregated predictions as a feature). The tagger then gets that
verdict as a feature (``cg=ORG``) and learns how far to trust it.

How:

1. Tag every sentence of the unlabelled texts of ``build_wordclusters.py`` (10kGNAD, Wikinews,
   SpkAtt debates, UD; not SmartData or Europeana, which are the tagger's own training texts) with
   a first-pass CRF: trained as the shipped model, on the even GermEval sentences, but without
   this feature (``train_ner.py … --no-corpus-names``). The odd (held-out) sentences stay unseen.
2. For each capitalised word (not a sentence's first): how often it occurs, and how often it is
   inside a PER/ORG/LOC/MISC span, by label.
3. A word whose labels agree (one holds at least ``MIN_MAJORITY`` of its name occurrences) is
   listed as ``word<TAB>LABEL`` when it was tagged at least ``MIN_TAGGED`` times and in at least
   ``MIN_SHARE`` of its occurrences, else with the weaker ``LABELw`` (``PERw``): the tagger learns
   how far to trust each.

Measured by the cross-check (train on the odd GermEval sentences with a list built from the
odd-trained first pass, measure on the even ones), averaged over three Europeana samples:
0.640 → 0.651 F1 (PER 0.729 → 0.744). A list tagged by a model trained without GermEval gained
half as much (0.645, with or without the weak verdicts).

Usage (see ``train_ner.py`` for the whole sequence)::

    nice -n 10 .venv/bin/python training/train_ner.py --germeval-train --algorithm ap --iterations 15 \
        --minfreq 3 --source-copies --no-corpus-names --out /tmp/ner-pass1
    nice -n 10 .venv/bin/python training/build_corpus_names.py --model /tmp/ner-pass1/crf.model
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "wortlaut" / "models" / "ner" / "corpusnames.tsv.gz"
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "src"))

from build_gazetteers import write_gz  # noqa: E402
from build_wordclusters import unlabelled_sentences  # noqa: E402

from wortlaut.nlp.ner_tagger import CrfTagger  # noqa: E402

MIN_TAGGED = 3
MIN_SHARE = 0.5
MIN_MAJORITY = 0.7


def split_sentences(tokens: list[str], max_len: int = 80) -> list[list[str]]:
    """Cut a paragraph at sentence-final punctuation (the tagger was trained on sentences)."""
    out: list[list[str]] = []
    current: list[str] = []
    for tok in tokens:
        current.append(tok)
        if tok in (".", "!", "?") and len(current) >= 3 or len(current) >= max_len:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def count_labels(
    tagger: CrfTagger, paragraphs: list[list[str]]
) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Occurrences of each capitalised word, and the labels of the spans it was tagged inside."""
    seen: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for para in paragraphs:
        sentences = split_sentences(para)
        for words, spans in zip(sentences, tagger.spans_many(sentences), strict=True):
            for i, w in enumerate(words):
                if w[:1].isupper() and i > 0:  # a sentence's first word is capitalised anyway
                    seen[w] += 1
            for s, e, lab in spans:
                for i in range(max(s, 1), e):
                    if words[i][:1].isupper():
                        labels[words[i]][lab] += 1
    return seen, labels


def verdicts(
    seen: Counter[str], labels: dict[str, Counter[str]], min_tagged: int = MIN_TAGGED, weak: bool = False
) -> dict[str, str]:
    """word → its usual label, for words the corpus gives a clear answer about (module docstring);
    with ``weak``, words with less evidence get the label with a ``w`` (``PERw``)."""
    out: dict[str, str] = {}
    for word, counts in labels.items():
        tagged = sum(counts.values())
        label, top = counts.most_common(1)[0]
        if top < MIN_MAJORITY * tagged:
            continue
        if tagged >= min_tagged and tagged >= MIN_SHARE * seen[word]:
            out[word] = label
        elif weak:
            out[word] = label + "w"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--model", type=Path, required=True, help="the first-pass CRF (trained with --no-corpus-names)"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-tagged", type=int, default=MIN_TAGGED)
    parser.add_argument("--no-weak", action="store_true", help="leave out words with less evidence")
    parser.add_argument("--no-nc", action="store_true", help="leave out CC BY-NC-SA sources")
    args = parser.parse_args()
    t0 = time.time()
    paragraphs = unlabelled_sentences(args.data, non_commercial=not args.no_nc, ner_corpora=False)
    print(f"{len(paragraphs)} paragraphs, {sum(map(len, paragraphs))} tokens", flush=True)
    seen, labels = count_labels(CrfTagger(args.model), paragraphs)
    found = verdicts(seen, labels, args.min_tagged, weak=not args.no_weak)
    write_gz(args.out, [f"{w}\t{lab}" for w, lab in sorted(found.items())])
    by_label = Counter(found.values())
    print(f"{len(found)} words {dict(by_label)} → {args.out} ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
