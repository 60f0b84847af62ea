"""Train the speaker chooser (:mod:`wortlaut.nlp.speaker_choice`) on held-out tagger output.

The chooser must see candidates as they look on new text, so the quotes it learns from come
from taggers that did not see the article: each ``--held-out MODEL_DIR:FIRST:END`` runs the whole
pipeline with the quotation model in MODEL_DIR on train lines FIRST..END-1 (which that model was
not trained on). For every quote with at least two speaker candidates, a candidate is right when
it overlaps the gold speaker of the gold quote its message matches (token F1 ≥ 0.5). The scorer
is a softmax over the candidates of a quote with an L2 penalty, fitted by gradient descent
(numpy); quotes with no right candidate teach nothing and are left out.

usage:
  PYTHONPATH=src python training/train_speaker_choice.py \\
      --data ../shared/data/quotes-wikinews-de/train.jsonl \\
      --held-out FOLDS/mB:0:100 --held-out FOLDS/mC:100:200 ... \\
      --out src/wortlaut/models/quotes/speakers.json

``--cache FILE`` keeps the collected candidates (pickle) so that ``--skip`` (a held-out spec to
leave out of training, for fold-honest measurement) can be varied without rerunning taggers.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from wortlaut.article import Article
from wortlaut.eval import quotes as ev
from wortlaut.extract import extract
from wortlaut.nlp import quotes as quotes_component
from wortlaut.nlp import speaker_choice
from wortlaut.nlp.pipeline import shared_pipeline
from wortlaut.nlp.quote_model import load

#: one training group: the spec it came from, feature dicts of its candidates, which are right
Group = tuple[str, list[dict[str, float]], list[bool]]


def collect(data: Path, specs: Sequence[str]) -> list[Group]:
    """Candidate groups of every quote of the held-out lines, with their labels."""
    nlp = shared_pipeline()
    lines = data.read_text(encoding="utf-8").splitlines()
    captured: dict[str, Any] = {}
    original = quotes_component.name_chunks

    def capture(entities: Any, starts: list[int], ends: list[int]) -> Any:
        captured["starts"], captured["ends"] = starts, ends
        return original(entities, starts, ends)

    quotes_component.name_chunks = capture  # type: ignore[assignment]
    groups: list[Group] = []
    try:
        for spec in specs:
            model_dir, first, end = spec.rsplit(":", 2)
            component = nlp.get_pipe("wortlaut_quotes_v1")
            component._model = load(Path(model_dir))  # type: ignore[attr-defined]
            component._model.speakers = None  # type: ignore[attr-defined]
            for k in range(int(first), int(end)):
                rec = json.loads(lines[k])
                speaker_choice.RECORD = []
                extract(Article(id=str(k), text=rec["originalText"]), nlp)
                recorded, speaker_choice.RECORD = speaker_choice.RECORD, None
                groups.extend(label(spec, rec, recorded, captured["starts"], captured["ends"]))
    finally:
        quotes_component.name_chunks = original  # type: ignore[assignment]
        speaker_choice.RECORD = None
    return groups


def label(spec: str, rec: dict[str, Any], recorded: Any, starts: list[int], ends: list[int]) -> list[Group]:
    index = ev.token_index(rec["tokens"])
    gold = ev.gold_items(rec)
    out: list[Group] = []
    for q, cands, feats in recorded:
        msg = ev.tokens_of([(starts[a], ends[b - 1]) for a, b in q.spans], index)
        best = max(gold, key=lambda g: ev.f1(msg, g.message), default=None)
        if best is None or ev.f1(msg, best.message) < ev.FOUND or not best.roles["speaker"]:
            continue
        right = [
            bool(ev.tokens_of([(starts[c.start], ends[c.end - 1])], index) & best.roles["speaker"])
            for c in cands
        ]
        if any(right):
            out.append((spec, feats, right))
    return out


def fit(groups: Sequence[Group], l2: float = 0.01, steps: int = 3000, rate: float = 0.3) -> dict[str, float]:
    """Weights of the softmax scorer maximising the likelihood of the right candidates."""
    names = speaker_choice.FEATURES
    xs = [np.array([[f.get(n, 0.0) for n in names] for f in feats]) for _, feats, _ in groups]
    ys = [np.array(right, dtype=float) / sum(right) for _, _, right in groups]
    x = np.vstack(xs)
    y = np.concatenate(ys)
    seg = np.repeat(np.arange(len(xs)), [len(a) for a in xs])
    w = np.zeros(len(names))
    for _ in range(steps):
        s = x @ w
        s -= np.max(s)
        e = np.exp(s)
        z = np.bincount(seg, weights=e)
        p = e / z[seg]
        grad = x.T @ (p - y) / len(xs) + l2 * w
        w -= rate * grad
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}


def accuracy(groups: Sequence[Group], weights: dict[str, float], rule_only: bool = False) -> float:
    hit = 0
    for _, feats, right in groups:
        if rule_only:
            k = max(range(len(feats)), key=lambda i: feats[i].get("rule", 0.0))
        else:
            k = max(
                range(len(feats)), key=lambda i: sum(weights.get(n, 0.0) * v for n, v in feats[i].items())
            )
        hit += right[k]
    return hit / len(groups) if groups else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--held-out", action="append", default=[], help="MODEL_DIR:FIRST:END")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--skip", default="", help="held-out spec (or its model dir) left out of training")
    ap.add_argument("--l2", type=float, default=0.01)
    a = ap.parse_args()
    if a.cache and a.cache.is_file():
        groups = pickle.loads(a.cache.read_bytes())
    else:
        groups = collect(a.data, a.held_out)
        if a.cache:
            a.cache.write_bytes(pickle.dumps(groups))
    train = [g for g in groups if not (a.skip and g[0].startswith(a.skip))]
    test = [g for g in groups if a.skip and g[0].startswith(a.skip)]
    weights = fit(train, a.l2)
    print(
        f"{len(train)} training quotes; rule pick right {accuracy(train, weights, True):.3f}, "
        f"chooser {accuracy(train, weights):.3f}"
    )
    if test:
        print(
            f"{len(test)} left-out quotes; rule pick right {accuracy(test, weights, True):.3f}, "
            f"chooser {accuracy(test, weights):.3f}"
        )
    if a.out:
        a.out.write_text(
            json.dumps({"features": list(speaker_choice.FEATURES), "weights": weights}, indent=1) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
