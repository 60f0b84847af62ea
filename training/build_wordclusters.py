"""Build ``models/ner/clusters.tsv.gz``: distributional word clusters, a CRF feature.

Why: the tagger has 1,100 in-domain sentences; most names it meets were never seen in training.
Words that occur in the same contexts (``Merkel``, ``Faymann``, ``Schäuble`` after ``sagte`` and
before ``(SPD)``) fall into the same cluster, so a feature "cluster 188" lets what the tagger
learnt about a few names carry over to the others (as Brown clusters do in classic NER).

How (plain numpy, about two minutes on one core):

1. Tokenise unlabelled German text with spaCy's blank German tokenizer (the run-time one).
2. For the ~28,000 words seen at least 3 times: counts of the 1,500 most frequent (lower-cased)
   words at positions -2, -1, +1, +2 (the ±2 ones weighted ½), turned into positive PMI
   (context distribution smoothed with exponent 0.75).
3. A 100-dimensional randomized SVD of that matrix, rows normalised.
4. Spherical k-means at three granularities (50, 200, 800 clusters), seeded, 15 rounds each.

Texts (no GermEval 2014 text, so its held-out sentences stay unseen): 10kGNAD test articles
(DER STANDARD, CC BY-NC-SA 4.0), German Wikinews quotation corpus ``originalText`` (CC BY-NC-SA
4.0; Wikinews text CC BY 2.5), GermEval 2023 SpkAtt debates (CC BY-SA 4.0), UD German GSD/PUD
(CC BY-SA), SmartData v1 train (CC BY 4.0), Europeana newspapers (CC0). ``--no-nc`` leaves the
two CC BY-NC-SA sources out.

Usage::

    nice -n 10 .venv/bin/python training/build_wordclusters.py [--no-nc]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import spacy

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "wortlaut" / "models" / "ner" / "clusters.tsv.gz"
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "src"))

from build_gazetteers import write_gz  # noqa: E402
from train_ner import read_europeana, read_smartdata  # noqa: E402

MIN_COUNT = 3
MAX_VOCAB = 60_000
CONTEXTS = 1_500
DIM = 100
GRANULARITIES = (50, 200, 800)


def _paragraphs(nlp: spacy.language.Language, text: str) -> Iterator[list[str]]:
    for para in text.split("\n"):
        if para.strip():
            yield [t.text for t in nlp.make_doc(para) if not t.is_space]


def unlabelled_sentences(data: Path, non_commercial: bool, ner_corpora: bool = True) -> list[list[str]]:
    """Token lists from every unlabelled source (see the module docstring); without
    ``ner_corpora``, SmartData and Europeana (the tagger's training texts) are left out."""
    nlp = spacy.blank("de")
    out: list[list[str]] = []
    if non_commercial:
        csv.field_size_limit(10**8)
        with open(data / "news" / "10kgnad-test.csv", encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter=";", quotechar="'"):
                if len(row) >= 2:
                    out.extend(_paragraphs(nlp, row[1]))
        for name in ("train.jsonl", "dev.jsonl"):
            with open(data / "quotes-wikinews-de" / name, encoding="utf-8") as fh:
                for line in fh:
                    out.extend(_paragraphs(nlp, json.loads(line)["originalText"]))
    for path in sorted((data / "spkatt-debates").glob("*/task1/*.json")):
        for sent in json.loads(path.read_text("utf-8"))["Sentences"]:
            out.append(list(sent["Tokens"]))
    for name in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"):
        current: list[str] = []
        for line in (data / "ud" / name).read_text("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                current.append(cols[1])
            elif not line.strip() and current:
                out.append(current)
                current = []
    if not ner_corpora:
        return out
    out.extend(s.words for s in read_smartdata(data / "ner" / "smartdata-v1-train.json.gz"))
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        out.extend(s.words for s in read_europeana(data / "ner" / name))
    return out


def context_matrix(sents: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """Vocabulary and its positive-PMI context matrix (4 positions × CONTEXTS columns)."""
    freq = Counter(w for s in sents for w in s)
    vocab = [w for w, c in freq.most_common(MAX_VOCAB) if c >= MIN_COUNT]
    row = {w: i for i, w in enumerate(vocab)}
    lower = Counter[str]()
    for w, count in freq.items():
        lower[w.lower()] += count
    col = {w: i for i, (w, _) in enumerate(lower.most_common(CONTEXTS - 1))}
    col["<s>"] = CONTEXTS - 1
    m = np.zeros((len(vocab), 4 * CONTEXTS), dtype=np.float32)
    for s in sents:
        low = [w.lower() for w in s]
        n = len(s)
        for i, w in enumerate(s):
            r = row.get(w)
            if r is None:
                continue
            for off, slot, weight in ((-1, 0, 1.0), (1, 1, 1.0), (-2, 2, 0.5), (2, 3, 0.5)):
                j = i + off
                c: int | None = col.get(low[j]) if 0 <= j < n else CONTEXTS - 1
                if c is not None:
                    m[r, slot * CONTEXTS + c] += weight
    total = m.sum()
    rows = m.sum(1, keepdims=True) + 1e-9
    ctx = (m.sum(0, keepdims=True) + 1e-9) ** 0.75
    ctx /= ctx.sum()
    with np.errstate(divide="ignore"):
        pmi = np.log(m / (rows / total) / ctx / total)
    pmi[~np.isfinite(pmi)] = 0.0
    np.maximum(pmi, 0.0, out=pmi)
    return vocab, pmi


def embed(pmi: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Rows of a randomized rank-DIM SVD (U·√S), normalised to unit length."""
    q = pmi @ rng.standard_normal((pmi.shape[1], DIM + 20)).astype(np.float32)
    for _ in range(2):
        q, _ = np.linalg.qr(q)
        q = pmi @ (pmi.T @ q)
    q, _ = np.linalg.qr(q)
    ub, s, _ = np.linalg.svd(q.T @ pmi, full_matrices=False)
    u = (q @ ub[:, :DIM]) * np.sqrt(s[:DIM])
    u /= np.linalg.norm(u, axis=1, keepdims=True) + 1e-9
    return np.asarray(u, dtype=np.float32)


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, rounds: int = 15) -> np.ndarray:
    """Spherical k-means, seeded from frequent words; returns a cluster id per row."""
    centres = x[rng.choice(min(len(x), 20_000), k, replace=False)].copy()
    for _ in range(rounds):
        assign = np.argmax(x @ centres.T, axis=1)
        for j in range(k):
            members = assign == j
            if members.any():
                centres[j] = x[members].mean(0)
        centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-9
    return np.asarray(np.argmax(x @ centres.T, axis=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-nc", action="store_true", help="leave out CC BY-NC-SA sources")
    args = parser.parse_args()
    t0 = time.time()
    sents = unlabelled_sentences(args.data, non_commercial=not args.no_nc)
    print(f"{len(sents)} sentences, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)", flush=True)
    vocab, pmi = context_matrix(sents)
    rng = np.random.default_rng(0)
    vectors = embed(pmi, rng)
    del pmi
    ids = [kmeans(vectors, k, rng) for k in GRANULARITIES]
    lines = ["\t".join([w, *(str(int(c[i])) for c in ids)]) for i, w in enumerate(vocab)]
    write_gz(args.out, lines)
    print(
        f"{len(vocab)} words → {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {time.time() - t0:.0f}s)"
    )


if __name__ == "__main__":
    main()
