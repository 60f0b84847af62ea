"""Speed of the entity component against spaCy's blank German tokenizer, same texts, same run.

    .venv/bin/python bench/ner_speed.py ../shared/data/news/10kgnad-test.csv [--limit N] [--json]

Times (1) tokenising every article with ``spacy.blank("de")`` and (2) the entity component
(``wortlaut_entities_v1``: CRF tagger, rules, canonical names, roles, GeoNames) alone on the
already tokenised docs (sentencizer run beforehand, untimed), one process, one thread, CPU time.
A first pass over a few articles loads the model and gazetteers (untimed), as a long-running
process would have done. The whole pipeline must reach 20,000 words/s per core (bench/extract.py);
the entity component should cost well under a third of that budget.
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

    from wortlaut.nlp.entities import EntitiesComponent

    texts = read_gnad(args.path, args.limit)
    nlp = spacy.blank("de")
    sentencizer = nlp.add_pipe("sentencizer")
    component = EntitiesComponent(nlp, "entities")
    for text in texts[:5]:  # warm-up: model, name lists and gazetteer are loaded once per process
        component(sentencizer(nlp.make_doc(text)))

    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    tokenize_s = time.process_time() - t0
    for doc in docs:
        sentencizer(doc)
    words = sum(len(d) for d in docs)

    t0 = time.process_time()
    found = 0
    for doc in docs:
        found += len(component(doc)._.wl_entities)
    ner_s = time.process_time() - t0

    result = {
        "articles": len(texts),
        "words": words,
        "entities_found": found,
        "tokenizer_words_per_s": round(words / tokenize_s),
        "entities_words_per_s": round(words / ner_s),
        "entities_time_per_tokenizer_time": round(ner_s / tokenize_s, 3),
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for key, value in result.items():
            print(f"{key:34} {value}")


if __name__ == "__main__":
    main()
