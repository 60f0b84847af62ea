"""Reader and end-to-end ingest speed on real news (10kGNAD, DER STANDARD), without extraction.

Writes ``../shared/data/news/10kgnad-test.csv`` (1,028 articles) as JSON Lines, repeated to at
least ``--articles`` articles with distinct ids, then measures in one run:

- ``baseline``: ``json.loads`` of every line (the floor any JSONL reader pays);
- ``reader``: ``wortlaut.readers.read`` over the file (validation, encoding, language check);
- ``reader_classifier``: the same with the German function-word fast path switched off, so every
  article goes through py3langid (what the language check costs without the fast path);
- ``ingest``: ``wortlaut ingest FILE --no-extract`` as a user runs it (a subprocess, fresh store).

    .venv/bin/python bench/readers.py                 # about 1-2 minutes on one core
    .venv/bin/python bench/readers.py --articles 2000

Prints figures as text and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from wortlaut.readers import ReadOptions, detect, read

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gnad import DATA, read_gnad  # noqa: E402  (bench/gnad.py, beside this script)


def write_jsonl(path: Path, n: int) -> int:
    rows = read_gnad(DATA)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < n:
            for label, text in rows:
                record = {"id": f"gnad-{written}", "text": text, "source": f"derstandard/{label}"}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    return written


def rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: this benchmark needs ../shared/data")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "gnad.jsonl"
        n = write_jsonl(data, args.articles)

        start = time.perf_counter()
        with data.open("rb") as f:
            for line in f:
                json.loads(line)
        baseline = time.perf_counter() - start

        start = time.perf_counter()
        read_n = sum(1 for _ in read(data, ReadOptions()))
        reader = time.perf_counter() - start

        start = time.perf_counter()
        with mock.patch.object(detect, "clearly_german", return_value=False):
            slow_n = sum(1 for _ in read(data, ReadOptions()))
        classifier = time.perf_counter() - start

        db = Path(tmp) / "bench.db"
        cmd = [
            sys.executable,
            "-c",
            "from wortlaut.cli import main; main()",
            "--db",
            str(db),
            "ingest",
            str(data),
        ]
        start = time.perf_counter()
        done = subprocess.run([*cmd, "--no-extract", "--quiet"], capture_output=True, text=True, check=False)
        ingest = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(done.stdout + done.stderr)

    figures = {
        "articles": n,
        "baseline_json_loads_per_s": rate(n, baseline),
        "reader_per_s": rate(read_n, reader),
        "reader_classifier_only_per_s": rate(slow_n, classifier),
        "cli_ingest_no_extract_per_s": rate(n, ingest),
        "reader_vs_baseline": round(baseline / reader, 4),
        "fast_path_speedup": round(classifier / reader, 2),
    }
    for key, value in figures.items():
        print(f"{key:32} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
