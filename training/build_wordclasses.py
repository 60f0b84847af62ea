"""Build ``models/ner/wordclass.tsv.gz``: a coarse class for capitalised words, a CRF feature.

German capitalises every noun, so the tagger's hardest question is whether an unknown capitalised
word is a name or a common noun. Text statistics answer part of it:

- ``N``: common noun — tagged NOUN more often than PROPN in Universal Dependencies German
  (GSD, PUD; CC BY-SA), or seen at least 3 times and mostly right after an article
  (``der``/``die``/``ein``…) in the unlabelled texts below;
- ``P``: proper noun — tagged PROPN more often than NOUN in UD;
- ``n``: seen at least 3 times, 20–50 % of them after an article (either kind);
- ``x``: seen at least 5 times, rarely after an article (name-like);
- ``L``: also written in lower case (an adjective or verb starting a sentence).

Unlabelled texts: SmartData v1 train (CC BY 4.0), Europeana newspapers (CC0) and the GermEval
2023 SpkAtt Bundestag debates (CC BY-SA 4.0). GermEval 2014 is not used here, so its held-out
sentences stay unseen.

Usage::

    .venv/bin/python training/build_wordclasses.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "wortlaut" / "models" / "ner" / "wordclass.tsv.gz"
sys.path.insert(0, str(ROOT / "training"))

from build_gazetteers import write_gz  # noqa: E402

ARTICLES = {
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "einem",
    "einer",
    "eines",
    "im",
    "am",
    "zum",
    "zur",
    "vom",
    "beim",
    "kein",
    "keine",
    "diese",
    "dieser",
    "diesem",
    "diesen",
}


def unlabelled_words() -> list[list[str]]:
    texts: list[list[str]] = []
    with gzip.open(DATA / "ner" / "smartdata-v1-train.json.gz", "rt", encoding="utf-8") as fh:
        raw = fh.read()
    decoder = json.JSONDecoder()
    nlp = spacy.blank("de")
    pos = 0
    while pos < len(raw):
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            break
        doc, pos = decoder.raw_decode(raw, pos)
        texts.append([t.text for t in nlp.make_doc(doc["text"]["string"]) if not t.is_space])
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        texts.append(
            [
                line.split()[0]
                for line in (DATA / "ner" / name).read_text("utf-8").splitlines()
                if line.split()
            ]
        )
    for path in sorted((DATA / "spkatt-debates").glob("*/task1/*.json")):
        for sent in json.loads(path.read_text("utf-8"))["Sentences"]:
            texts.append(list(sent["Tokens"]))
    return texts


def ud_counts() -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for name in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"):
        for line in (DATA / "ud" / name).read_text("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit() and cols[3] in ("NOUN", "PROPN"):
                counts.setdefault(cols[1], Counter())[cols[3]] += 1
    return counts


def main() -> None:
    lower: set[str] = set()
    after_article: Counter[str] = Counter()
    freq: Counter[str] = Counter()
    for words in unlabelled_words():
        prev, prev2 = ".", "."
        for w in words:
            if w[:1].islower():
                lower.add(w)
            elif w[:1].isupper() and prev not in (".", "!", "?", ":", '"', "„"):
                freq[w] += 1
                adjective = prev[:1].islower() and prev.endswith(("e", "en", "er", "es", "em"))
                if prev.lower() in ARTICLES or (adjective and prev2.lower() in ARTICLES):
                    after_article[w] += 1
            prev2, prev = prev, w
    classes: dict[str, str] = {}
    for w, n in freq.items():
        ratio = after_article[w] / n
        if n >= 3 and ratio >= 0.5:
            classes[w] = "N"
        elif n >= 3 and ratio >= 0.2:
            classes[w] = "n"
        elif n >= 5:
            classes[w] = "x"
    for w, c in ud_counts().items():
        if w[:1].isupper():
            classes[w] = "N" if c["NOUN"] >= c["PROPN"] else "P"
    for w in list(freq):
        if w.lower() in lower and w not in classes:
            classes[w] = "L"
    write_gz(OUT, [f"{w}\t{c}" for w, c in sorted(classes.items())])
    print(f"{len(classes)} words: {Counter(classes.values())}; {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
