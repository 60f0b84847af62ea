"""Garbage-collector time of the pipeline's first pass over 10kGNAD articles, in one process.

    PYTHONPATH=src .venv/bin/python bench/gc_time.py [--limit N]

Why a script of its own: ``bench/ab_extract.py`` runs two pipelines in one process, so the
collector walks both sides' long-lived objects whichever side is timed; a change in how many
objects stay tracked only shows in a process of its own. Run it for two trees in turns (with
``PYTHONPATH`` pointing at each) and compare the ``gc`` lines.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from gnad import DATA, read_texts  # noqa: E402  (bench/gnad.py, beside this script)
from wortlaut.nlp.pipeline import build_pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=500)
    args = ap.parse_args()
    texts = read_texts(DATA, limit=args.limit)
    nlp = build_pipeline()
    spent = {"gc": 0.0, "start": 0.0, "full": 0}

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            spent["start"] = time.process_time()
        else:
            spent["gc"] += time.process_time() - spent["start"]
            spent["full"] += info["generation"] == 2

    gc.callbacks.append(on_gc)
    words = 0
    start = time.process_time()
    for doc in nlp.pipe(texts):
        words += len(doc)
    cpu = time.process_time() - start
    gc.callbacks.remove(on_gc)
    print(
        f"cpu {cpu:.2f} s, {words} words; gc {spent['gc']:.3f} s ({100 * spent['gc'] / cpu:.1f} %), "
        f"{spent['full']} full collections; {len(gc.get_objects())} objects tracked at the end"
    )


if __name__ == "__main__":
    main()
