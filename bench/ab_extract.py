"""A/B speed of the whole pipeline: another commit's code vs the working tree, in one process.

    .venv/bin/python bench/ab_extract.py [--base REV] [--limit N] [--rounds R] [--chunk K]

The machine is shared and its speed drifts by ±20 % within minutes, so two runs one after the
other cannot show a change of a few per cent. This script exports ``src/wortlaut`` of ``REV``
(``git archive``, default ``main``) into a temporary directory as the package ``wortlaut_base``
(its spaCy factories renamed so that both register), builds both pipelines fresh for every
round and extracts the same 10kGNAD articles with each in turns, ``K`` articles at a time
(first pass: cold vocabularies and quote-feature caches, as ``bench/extract.py``). It prints
CPU µs per word per round and the median of the per-chunk ratios new/base, the figure to quote.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from gnad import DATA, read_texts  # noqa: E402  (bench/gnad.py, beside this script)

_FACTORY = re.compile(r'"wortlaut_(entities|quotes|amounts)_v1"')


def export_base(rev: str, into: Path) -> None:
    """``src/wortlaut`` of ``rev`` as ``into/wortlaut_base``, factories renamed ``base_*_v1``."""
    root = Path(__file__).resolve().parents[1]
    raw = subprocess.run(["git", "archive", rev, "src/wortlaut"], cwd=root, capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(raw.stdout)) as tar:
        tar.extractall(into, filter="data")
    pkg = into / "wortlaut_base"
    (into / "src" / "wortlaut").rename(pkg)
    for path in pkg.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if _FACTORY.search(text):
            path.write_text(_FACTORY.sub(r'"base_\1_v1"', text), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main", help="the commit to compare against (default: main)")
    ap.add_argument("--path", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--chunk", type=int, default=5)
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    export_base(args.base, Path(tmp.name))
    sys.path.insert(0, tmp.name)
    import spacy

    from wortlaut.article import Article
    from wortlaut.extract import extract
    from wortlaut.nlp.pipeline import build_pipeline
    from wortlaut.nlp.quote_model import shared_model

    base_article: Any = importlib.import_module("wortlaut_base.article").Article
    base_extract: Any = importlib.import_module("wortlaut_base.extract").extract
    base_model: Any = importlib.import_module("wortlaut_base.nlp.quote_model").shared_model

    def base_pipeline() -> Any:
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        for name in ("entities", "quotes", "amounts"):
            nlp.add_pipe(f"base_{name}_v1")
        return nlp

    texts = read_texts(args.path, args.limit)
    words = sum(len(t.split()) for t in texts)
    clock = time.process_time
    chunk_ratios: list[float] = []
    for r in range(args.rounds):
        old, new = base_pipeline(), build_pipeline()
        base_extract(base_article(id="w", text=texts[0]), old)  # load the models outside the timing
        extract(Article(id="w", text=texts[0]), new)
        base_model().lexicons.cache.clear()  # per-word caches cold again, as in a fresh process
        shared_model().lexicons.cache.clear()
        spent = [0.0, 0.0]
        for k in range(0, len(texts), args.chunk):
            part = texts[k : k + args.chunk]
            took = [0.0, 0.0]
            for side in (0, 1) if (k // args.chunk + r) % 2 == 0 else (1, 0):
                c0 = clock()
                for i, t in enumerate(part):
                    if side == 0:
                        base_extract(base_article(id=str(i), text=t), old)
                    else:
                        extract(Article(id=str(i), text=t), new)
                took[side] = clock() - c0
            spent[0] += took[0]
            spent[1] += took[1]
            if took[0] > 0:
                chunk_ratios.append(took[1] / took[0])
        print(
            f"round {r}: base {spent[0] / words * 1e6:.1f} µs/word, new {spent[1] / words * 1e6:.1f} µs/word,"
            f" new/base {spent[1] / spent[0]:.3f}",
            flush=True,
        )
    print(
        f"median of {len(chunk_ratios)} per-chunk ratios new/base: {statistics.median(chunk_ratios):.3f}"
        f" ({len(texts)} articles, {words} words, base {args.base})"
    )


if __name__ == "__main__":
    main()
