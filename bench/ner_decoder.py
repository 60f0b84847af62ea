"""The name tagger's own decoder against crfsuite, same sentences, first pass, one process each.

    .venv/bin/python bench/ner_decoder.py ../shared/data/news/10kgnad-test.csv [--limit N]

Runs itself twice in fresh processes (caches start empty, as in a first extraction run): once
tagging every sentence with ``CrfTagger.decoder`` (whole documents, batched Viterbi), once with
crfsuite per sentence. Prints CPU µs per word for each and their ratio.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from gnad import DATA, read_texts  # noqa: E402  (bench/gnad.py, beside this script)


def run_one(path: Path, limit: int | None, mode: str) -> float:
    from wortlaut.nlp.entities import Tokens, sentences
    from wortlaut.nlp.ner_tagger import shared_tagger
    from wortlaut.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    sentencizer = nlp.get_pipe("sentencizer")
    docs = []
    for text in read_texts(path, limit):
        toks = Tokens(sentencizer(nlp.make_doc(text)))
        docs.append([[toks.text[i] for i in s] for s in sentences(toks)])
    words = sum(len(s) for d in docs for s in d)
    tagger = shared_tagger()
    if mode == "decoder" and tagger.decoder is None:
        raise SystemExit("the packaged model could not be read by crf_file")
    t0 = time.process_time()
    for d in docs:
        if mode == "decoder":
            tagger.tag_sentences(d)
        else:
            for s in d:
                tagger.tag(s)
    return (time.process_time() - t0) / words * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, nargs="?", default=DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--mode", choices=["decoder", "crfsuite"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(run_one(args.path, args.limit, args.mode))
        return
    figures = {}
    for mode in ("decoder", "crfsuite"):
        cmd = [sys.executable, __file__, str(args.path), "--mode", mode]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        figures[mode] = float(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    print(f"decoder   {figures['decoder']:6.2f} µs/word")
    print(f"crfsuite  {figures['crfsuite']:6.2f} µs/word")
    print(f"decoder / crfsuite: {figures['decoder'] / figures['crfsuite']:.2f}")


if __name__ == "__main__":
    main()
