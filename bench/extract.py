"""Extraction speed: the whole pipeline vs spaCy's blank German tokenizer, same text, same run.

    .venv/bin/python bench/extract.py ../shared/data/news/10kgnad-test.csv [--limit N] [--json]

Reads the 10kGNAD file (``label;'text'`` per line), then times (1) ``spacy.blank("de")``'s
tokenizer and (2) :func:`wortlaut.extract.extract` on every article, one process, one thread,
taking turns every 20 articles (so that the machine's drifting speed affects both alike).
Both CPU time (what one core spends, robust on a shared machine) and wall time are reported;
the ratio to the tokenizer is the figure to compare across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from gnad import read_texts  # noqa: E402  (bench/gnad.py, beside this script)


def component_seconds(nlp: Any, texts: list[str]) -> dict[str, float]:
    """CPU seconds per stage (tokenizer, then each component), in a second, separate pass."""
    spent: dict[str, float] = {"tokenizer": 0.0}
    for text in texts:
        c0 = time.process_time()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += time.process_time() - c0
        for name, proc in nlp.pipeline:
            c0 = time.process_time()
            doc = proc(doc)
            spent[name] = spent.get(name, 0.0) + time.process_time() - c0
    return spent


#: articles per turn when the tokenizer and the pipeline take turns
CHUNK = 20


def timed(fn: Callable[[], None]) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import spacy

    from wortlaut.article import Article
    from wortlaut.extract import extract
    from wortlaut.nlp.pipeline import shared_pipeline

    texts = read_texts(args.path, args.limit)
    words = sum(len(t.split()) for t in texts)
    blank = spacy.blank("de")
    nlp = shared_pipeline()
    extract(Article(id="warmup", text=texts[0]), nlp)  # load models outside the timing
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]

    def tokenize(chunk: list[str]) -> None:
        for t in chunk:
            blank.make_doc(t)

    quotes = 0

    def pipeline(chunk: list[Article]) -> None:
        nonlocal quotes
        for a in chunk:
            quotes += len(extract(a, nlp).quotes)

    # tokenizer and pipeline take turns, CHUNK articles each: this machine's speed drifts by
    # ±20 % within minutes, and taking turns makes a drift hit both sides of the ratio alike
    tok_wall = tok_cpu = pipe_wall = pipe_cpu = 0.0
    for k in range(0, len(texts), CHUNK):
        wall, cpu = timed(lambda: tokenize(texts[k : k + CHUNK]))  # noqa: B023 (called at once)
        tok_wall, tok_cpu = tok_wall + wall, tok_cpu + cpu
        wall, cpu = timed(lambda: pipeline(articles[k : k + CHUNK]))  # noqa: B023
        pipe_wall, pipe_cpu = pipe_wall + wall, pipe_cpu + cpu
    per_component = component_seconds(nlp, texts)
    result: dict[str, Any] = {
        "articles": len(texts),
        "words": words,
        "quotes": quotes,
        "tokenizer_words_per_cpu_s": words / tok_cpu,
        "pipeline_words_per_cpu_s": words / pipe_cpu,
        "tokenizer_words_per_wall_s": words / tok_wall,
        "pipeline_words_per_wall_s": words / pipe_wall,
        "pipeline_vs_tokenizer": tok_cpu / pipe_cpu,
        "components": list(nlp.pipe_names),
        "component_words_per_cpu_s": {k: words / v for k, v in per_component.items() if v},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{len(texts)} articles, {words} words, {quotes} quotations; components: {', '.join(nlp.pipe_names)}"
    )
    print(f"blank German tokenizer: {result['tokenizer_words_per_cpu_s']:>10,.0f} words per CPU-second")
    print(f"whole pipeline:         {result['pipeline_words_per_cpu_s']:>10,.0f} words per CPU-second")
    print(
        f"pipeline / tokenizer:   {result['pipeline_vs_tokenizer']:.3f}  (wall: {words / pipe_wall:,.0f} words/s)"
    )
    print("per stage (second pass, words per CPU-second):")
    for name, rate in result["component_words_per_cpu_s"].items():
        print(f"  {name:<24}{rate:>10,.0f}")


if __name__ == "__main__":
    main()
