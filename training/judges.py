"""What the training scripts of the small learned judges share (``train_stretches.py``,
``train_sentences.py``; the taggers' ``train_quotes.py`` tokenises through :func:`tokenised`
too): reading the train split with a held-out slice left out, tokenising an article exactly as
the quotation component does, the sparse design matrix of string features, and writing the
weights file. One place for each, so that the judges learn from the same tokens and the same
feature counting."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from wortlaut.nlp.quote_features import DocView, view_from_tokens


def judge_arguments(doc: str | None) -> argparse.ArgumentParser:
    """The options every judge's training script takes: the data, the quotation model's
    lexicons, the output file and the held-out slice to leave out."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder with train.jsonl")
    ap.add_argument("--lexicons", type=Path, required=True, help="lexicons.json of the quotation model")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--exclude", default=None, help="LO:HI, train lines left out")
    return ap


def train_lines(data: Path, exclude: str | None = None) -> list[str]:
    """The lines of ``data/train.jsonl``; ``exclude`` ``LO:HI`` leaves lines LO..HI-1 out (the
    held-out fold a judge is measured on)."""
    lines = (data / "train.jsonl").read_text(encoding="utf-8").splitlines()
    if exclude:
        lo, hi = (int(x) for x in exclude.split(":"))
        lines = lines[:lo] + lines[hi:]
    return lines


def tokenised(text: str, tokenizer: Any) -> tuple[DocView, list[tuple[int, int]]]:
    """The component's view of ``text`` and the character span of each of its tokens."""
    sdoc = tokenizer(text)
    view, keep = view_from_tokens([t.text for t in sdoc], [t.whitespace_ for t in sdoc])
    return view, [(sdoc[k].idx, sdoc[k].idx + len(sdoc[k].text)) for k in keep]


def sparse_design(
    rows: Sequence[Sequence[str]], min_count: int, distinct: bool
) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Column index of every feature seen in at least ``min_count`` rows (``bias`` always), and
    the design matrix as (column, row) pairs: ``flat`` the columns, ``row_of`` their rows.
    ``distinct``: a feature counts once per row; otherwise as often as it occurs."""
    counts = Counter(f for r in rows for f in set(r))
    names = sorted(f for f, c in counts.items() if c >= min_count or f == "bias")
    index = {f: i for i, f in enumerate(names)}
    if distinct:
        cols = [np.array(sorted({index[f] for f in r if f in index}), dtype=np.int64) for r in rows]
    else:
        cols = [np.array([index[f] for f in r if f in index], dtype=np.int64) for r in rows]
    flat = np.concatenate(cols)
    row_of = np.repeat(np.arange(len(rows)), [len(c) for c in cols])
    return index, flat, row_of


def write_weights(path: Path, payload: dict[str, Any]) -> None:
    """The judge's JSON file, as the component reads it (sorted keys, one item per line)."""
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
