"""The reference article: every gold quotation found, speakers named (needs ../shared/seed)."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.article import Article
from wortlaut.contract import Quote
from wortlaut.extract import extract


def chars(spans: list[list[int]] | list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def best_match(gold: dict, found: list[Quote]) -> Quote | None:
    """The system quote overlapping the gold message most (character F1)."""
    g = chars(gold["spans"])

    def f1(q: Quote) -> float:
        s = chars(q.spans)
        inter = len(s & g)
        return 2 * inter / (len(s) + len(g)) if inter else 0.0

    scored = [(f1(q), q) for q in found]
    score, quote = max(scored, key=lambda x: x[0], default=(0.0, None))
    return quote if score > 0 else None


def test_seed_quotes_are_found_with_their_speakers(seed_paths: tuple[Path, Path]) -> None:
    text_path, gold_path = seed_paths
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = Article(id=gold["id"], text=text_path.read_text(encoding="utf-8"))
    found = extract(article).quotes
    matches = [(g, best_match(g, found)) for g in gold["quotes"]]
    missing = [g["text"] for g, q in matches if q is None]
    named = sum(
        1
        for g, q in matches
        if q is not None and (q.speaker.name if q.speaker else None) == g["speaker"]["name"]
    )
    # issue 3 targets: all 14 found, at least 12 with the right speaker name. The free indirect
    # "sollen" report ("Im östlichen Teil der Allianz sollen mehr Truppen stationiert werden …")
    # is found by the general rule of quote_sources.find_free_indirect (a sollen sentence a few
    # sentences after a message of the same paragraph), not by anything seed-specific.
    assert len(gold["quotes"]) == 14
    assert not missing, missing
    assert named >= 12
