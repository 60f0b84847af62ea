"""Speed of the amounts component against spaCy's blank German tokenizer, same texts, same run.

    .venv/bin/python bench/amounts.py ../shared/data/news/10kgnad-test.csv [--limit N] [--json]

Times (1) tokenising every article with ``spacy.blank("de")`` and (2) the amounts component
alone on the already tokenised docs (with a sentencizer run beforehand, untimed), one process,
one thread, CPU time. The component's words/s and its cost as a fraction of the tokenizer's
time are the figures; the whole pipeline must reach 20,000 words/s per core (bench/extract.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import read_gnad  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import spacy

    from wortlaut.nlp.amounts import AmountsComponent

    texts = read_gnad(args.path, args.limit)
    nlp = spacy.blank("de")
    sentencizer = nlp.add_pipe("sentencizer")
    component = AmountsComponent(nlp, "amounts")

    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    tokenize_s = time.process_time() - t0
    for doc in docs:
        sentencizer(doc)
        doc._.wl_article_date = "2016-05-01"
        doc._.wl_entities = []
    words = sum(len(d) for d in docs)

    t0 = time.process_time()
    found = 0
    for doc in docs:
        found += len(component(doc)._.wl_amounts)
    amounts_s = time.process_time() - t0

    result = {
        "articles": len(texts),
        "words": words,
        "amounts_found": found,
        "tokenizer_words_per_s": round(words / tokenize_s),
        "amounts_words_per_s": round(words / amounts_s),
        "amounts_time_per_tokenizer_time": round(amounts_s / tokenize_s, 3),
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for key, value in result.items():
            print(f"{key:34} {value}")


if __name__ == "__main__":
    main()
