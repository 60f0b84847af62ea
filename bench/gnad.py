"""The benchmark corpus: 10kGNAD's test split (1,028 DER STANDARD articles, CC BY-NC-SA 4.0).

Every benchmark reads it through :func:`read_gnad`, so all of them measure the same texts.
The file lies in ``../shared/data/news/`` and is never copied into the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "10kgnad-test.csv"


def read_gnad(path: Path = DATA, limit: int | None = None) -> list[tuple[str, str]]:
    """(label, text) of each line ``label;'text'`` (quotes inside the text are doubled)."""
    if not path.exists():
        sys.exit(f"{path} is absent: the benchmarks need ../shared/data beside the checkout")
    rows: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            label, sep, rest = line.rstrip("\n").partition(";")
            if not sep:
                sys.stderr.write(f"{path}:{lineno}: no ';' separator, line skipped\n")
                continue
            text = rest.strip()
            if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
                text = text[1:-1].replace("''", "'")
            if text:
                rows.append((label, text))
            if limit and len(rows) >= limit:
                break
    return rows


def read_texts(path: Path = DATA, limit: int | None = None) -> list[str]:
    """Only the article texts."""
    return [text for _, text in read_gnad(path, limit)]
