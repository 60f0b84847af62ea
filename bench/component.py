"""Speed of one extractor alone against spaCy's blank German tokenizer, same texts, same run.

    .venv/bin/python bench/component.py entities ../shared/data/news/10kgnad-test.csv [--limit N] [--json]
    .venv/bin/python bench/component.py amounts  ../shared/data/news/10kgnad-test.csv

Times (1) tokenising every article with ``spacy.blank("de")`` and (2) the component alone on the
already tokenised docs (sentencizer run beforehand, untimed; a few articles first, untimed, so
models and gazetteers are loaded as in a long-running process), one process, one thread, CPU
time. The whole pipeline's figure is ``bench/extract.py``'s.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from gnad import DATA, read_texts  # noqa: E402  (bench/gnad.py, beside this script)

COMPONENTS = {"entities": "wl_entities", "amounts": "wl_amounts"}


def make_component(name: str, nlp: Any) -> Any:
    if name == "entities":
        from wortlaut.nlp.entities import EntitiesComponent

        return EntitiesComponent(nlp, name)
    from wortlaut.nlp.amounts import AmountsComponent

    return AmountsComponent(nlp, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("component", choices=sorted(COMPONENTS))
    parser.add_argument("path", type=Path, nargs="?", default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import spacy

    texts = read_texts(args.path, args.limit)
    nlp = spacy.blank("de")
    sentencizer = nlp.add_pipe("sentencizer")
    component = make_component(args.component, nlp)
    attribute = COMPONENTS[args.component]

    def prepared(text: str) -> Any:
        doc = sentencizer(nlp.make_doc(text))
        doc._.wl_article_date = "2016-05-01"
        doc._.wl_entities = []
        return doc

    for text in texts[:5]:
        component(prepared(text))

    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    tokenize_s = time.process_time() - t0
    docs = [prepared(t) for t in texts]
    words = sum(len(d) for d in docs)

    t0 = time.process_time()
    found = sum(len(getattr(component(doc)._, attribute)) for doc in docs)
    component_s = time.process_time() - t0

    result = {
        "component": args.component,
        "articles": len(texts),
        "words": words,
        "found": found,
        "tokenizer_words_per_s": round(words / tokenize_s),
        "component_words_per_s": round(words / component_s),
        "component_time_per_tokenizer_time": round(component_s / tokenize_s, 3),
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for key, value in result.items():
            print(f"{key:36} {value}")


if __name__ == "__main__":
    main()
