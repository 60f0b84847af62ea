"""Train the quoted-stretch judge shipped as ``src/wortlaut/models/quotes/stretches.json``.

Every outer stretch in quotation marks of the train split is an example; it is a quotation when
a gold direct quote covers at least half of its characters (nested ones included), otherwise a
name or title. A logistic regression over :func:`wortlaut.nlp.quote_stretches.stretch_features`
(L2-regularised, full-batch gradient descent in numpy; features seen fewer than twice dropped)
learns which is which. Reproduce the packaged judge with:

    .venv/bin/python training/train_stretches.py \\
        --data ../shared/data/quotes-wikinews-de --lexicons src/wortlaut/models/quotes/lexicons.json \\
        --out src/wortlaut/models/quotes/stretches.json

``--exclude LO:HI`` leaves train lines LO..HI-1 out (to measure the judge on held-out articles
with the fold models of docs/quotes.md). The veto threshold is a parameter (``--veto-below``),
chosen on held-out train folds, never on dev (docs/quotes.md).
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import spacy
from judges import judge_arguments, sparse_design, tokenised, train_lines, write_weights

from wortlaut.nlp.quote_marks import pair_marks
from wortlaut.nlp.quote_stretches import sentence_of, stretch_features

#: share of a stretch's characters a gold direct quote must cover for it to count as a quotation
COVERED = 0.5


def examples(doc: dict[str, Any], tokenizer: Any, cues: frozenset[str]) -> list[tuple[list[str], int]]:
    """(features, label) for each outer quoted stretch of one article."""
    view, offsets = tokenised(doc["originalText"], tokenizer)
    gold = [
        (int(s["charBegin"]), int(s["charEnd"]))
        for a in doc["annotations"]
        if a["type"] == "Direct"
        for s in a["quote"]["spans"]
    ]
    paraphrases = [
        (int(s["charBegin"]), int(s["charEnd"]))
        for a in doc["annotations"]
        if a["type"] != "Direct"
        for s in a["quote"]["spans"]
    ]
    n = len(view.words)
    out = []
    for q in pair_marks(view.words, view.spaces_before, view.breaks):
        if q.depth != 0 or q.end - q.start < 3:
            continue
        a, b = offsets[q.start + 1][0], offsets[q.end - 2][1]
        covered = sum(max(0, min(b, e) - max(a, s)) for s, e in gold)
        label = int(covered >= COVERED * (b - a))
        sentence = (
            sentence_of(q.start, view.sent_starts, n)[0],
            sentence_of(q.end - 1, view.sent_starts, n)[1],
        )
        around = [offsets[i] for i in (q.start - 1, q.end) if 0 <= i < n]
        paraphrase = any(s <= ts and te <= e for ts, te in around for s, e in paraphrases)
        feats = stretch_features(view.words, q, sentence, cues, view.breaks[q.start], paraphrase)
        out.append((feats, label))
    return out


def fit(
    rows: list[list[str]], labels: list[int], l2: float, steps: int = 600, rate: float = 0.5
) -> dict[str, float]:
    """Logistic regression weights per feature (full-batch gradient descent with momentum)."""
    index, flat, row_of = sparse_design(rows, min_count=2, distinct=True)
    y = np.array(labels, dtype=np.float64)
    w = np.zeros(len(index))
    velocity = np.zeros_like(w)
    for _ in range(steps):
        z = np.bincount(row_of, weights=w[flat], minlength=len(rows))
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(flat, weights=(p - y)[row_of], minlength=len(w)) / len(rows) + l2 * w
        velocity = 0.9 * velocity - rate * grad
        w += velocity
    return {f: round(float(w[i]), 5) for f, i in index.items() if abs(w[i]) >= 1e-4}


def main() -> None:
    ap = judge_arguments(__doc__)
    ap.add_argument("--l2", type=float, default=0.001)
    ap.add_argument("--veto-below", type=float, default=0.1)
    args = ap.parse_args()
    lines = train_lines(args.data, args.exclude)
    cues = frozenset(json.loads(args.lexicons.read_text(encoding="utf-8"))["cues"])
    tokenizer = spacy.blank("de").tokenizer
    data = [ex for line in lines for ex in examples(json.loads(line), tokenizer, cues)]
    rows, labels = [r for r, _ in data], [y for _, y in data]
    weights = fit(rows, labels, args.l2)
    write_weights(
        args.out,
        {"veto_below": args.veto_below, "examples": len(rows), "quotations": sum(labels), "weights": weights},
    )
    print(f"{len(rows)} quoted stretches ({sum(labels)} quotations), {len(weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()
