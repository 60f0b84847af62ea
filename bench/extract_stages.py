"""Where the pipeline's time goes on first sight of the text: CPU time per stage, one pass.

    .venv/bin/python bench/extract_stages.py ../shared/data/news/10kgnad-test.csv [--limit N]

``bench/extract.py`` times the whole pipeline, then each stage in a *second* pass, when the
vocabulary and the components' per-word caches are already warm. This script times each stage
(``make_doc``, every component, ``to_extraction``) in the first and only pass over the texts, on
a freshly built pipeline, beside spaCy's blank German tokenizer on the same texts in the same
run. Compare shares and ratios to the tokenizer across runs: the machine is shared and absolute
figures swing.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    import spacy

    from gnad import read_texts  # bench/gnad.py, beside this script
    from wortlaut.article import Article
    from wortlaut.extract import make_doc, to_extraction
    from wortlaut.nlp.pipeline import build_pipeline

    texts = read_texts(args.path, args.limit)
    words = sum(len(t.split()) for t in texts)
    nlp = build_pipeline()
    warm = Article(id="warmup", text="Am Montag sagte Anna Berg in Wien, 3000 Menschen seien gekommen.")
    to_extraction(warm, nlp(make_doc(nlp, warm)))  # load the models outside the timing
    blank = spacy.blank("de")
    clock = time.process_time

    c0 = clock()
    for t in texts:
        blank.make_doc(t)
    tokenizer = clock() - c0

    spent = {"make_doc": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "to_extraction": 0.0}
    for i, text in enumerate(texts):
        article = Article(id=str(i), text=text)
        c0 = clock()
        doc = make_doc(nlp, article)
        spent["make_doc"] += clock() - c0
        for name, proc in nlp.pipeline:
            c0 = clock()
            doc = proc(doc)
            spent[name] += clock() - c0
        c0 = clock()
        to_extraction(article, doc)
        spent["to_extraction"] += clock() - c0
    total = sum(spent.values())
    print(f"{len(texts)} articles, {words} words; first pass, CPU time")
    print(f"blank German tokenizer: {words / tokenizer:>10,.0f} words per CPU-second")
    print(
        f"whole pipeline:         {words / total:>10,.0f} words per CPU-second ({tokenizer / total:.3f} × tokenizer)"
    )
    print(f"{'stage':<24}{'share':>7}{'µs/word':>9}{'× tokenizer time':>18}")
    for name, sec in spent.items():
        print(f"{name:<24}{sec / total:>7.1%}{sec / words * 1e6:>9.1f}{sec / tokenizer:>18.3f}")


if __name__ == "__main__":
    main()
