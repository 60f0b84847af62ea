"""Held-out evaluation of the quotation pipeline on four train folds.

The packaged taggers were trained on the whole train split, so their output on train articles
is nearly gold and useless for choosing rules or thresholds. Every rule, threshold and small
learned judge of docs/quotes.md was chosen instead with four *fold models*, each trained like
the packaged model on 600 train articles and run on the 100 it never saw:

| fold | train lines used | scored on lines | data for ``train_quotes.py`` |
|---|---|---|---|
| A | 0–599 | 600–699 | the train split itself |
| B | 100–699 | 0–99 | train.jsonl with its first 100 lines moved to the end |
| C | 200–699, 0–99 | 100–199 | … first 200 lines moved to the end |
| D | 300–699, 0–199 | 200–299 | … first 300 lines moved to the end |

A fold model directory ``FOLDS/mX`` is made like the packaged model (exact commands in
``src/wortlaut/models/quotes/MODEL_CARD.md``), always with ``--limit 600``:
``train_quotes.py`` (taggers and lexicons), then ``train_quotes.py --governors-only``,
``train_stretches.py --exclude LO:HI``, ``train_sentences.py --exclude LO:HI`` and
``train_speaker_choice.py --skip`` for the fold's own judges, so that nothing in it has seen
the fold's articles. Then, from the repository root::

    PYTHONPATH=src .venv/bin/python training/eval_folds.py --models FOLDS [--dump folds.pkl]

prints each fold's figures and the pooled ones (the metric of ``wortlaut eval quotes``).
``--dump`` pickles (fold, line, record, system items, gold items) for error analysis.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

from wortlaut.article import Article
from wortlaut.eval import quotes as ev
from wortlaut.extract import extract
from wortlaut.nlp.pipeline import shared_pipeline
from wortlaut.nlp.quote_model import load

#: fold -> (model directory name, first and end train line scored)
FOLDS = {"A": ("mA", 600, 700), "B": ("mB", 0, 100), "C": ("mC", 100, 200), "D": ("mD", 200, 300)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", type=Path, required=True, help="folder holding mA, mB, mC, mD")
    ap.add_argument("--data", type=Path, default=Path("../shared/data/quotes-wikinews-de/train.jsonl"))
    ap.add_argument("--dump", type=Path, help="pickle the system and gold items here")
    ap.add_argument("--folds", default="ABCD")
    args = ap.parse_args()
    nlp = shared_pipeline()
    lines = args.data.read_text(encoding="utf-8").splitlines()
    pooled = ev.Tally()
    records: list[tuple[str, int, dict[str, Any], list[ev.Item], list[ev.Item]]] = []
    for fold in args.folds:
        name, lo, hi = FOLDS[fold]
        nlp.get_pipe("wortlaut_quotes_v1")._model = load(args.models / name)
        tally = ev.Tally()
        for k in range(lo, hi):
            rec = json.loads(lines[k])
            index = ev.token_index(rec["tokens"])
            gold = ev.gold_items(rec)
            system = ev.system_items(extract(Article(id=str(k), text=rec["originalText"]), nlp).quotes, index)
            ev.score_article(tally, system, gold)
            ev.score_article(pooled, system, gold)
            if args.dump:
                records.append((fold, k, rec, system, gold))
        fig = ev.figures(tally)
        print(
            fold,
            " ".join(f"{key} {fig[key]['f1']:.3f}" for key in ("message", "roles", "joint")),
            f"speaker {fig['per_role']['speaker']['f1']:.3f}",
            f"| direct recall {fig['recall_by_type'].get('direct', 0.0):.3f}",
            f"direct speaker {fig['direct_speaker_accuracy']:.3f}",
        )
    print("pooled")
    print(ev.render(ev.figures(pooled)))
    if args.dump:
        with args.dump.open("wb") as fh:
            pickle.dump(records, fh)


if __name__ == "__main__":
    main()
