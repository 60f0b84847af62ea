"""Ingest and search speed of the SQLite store on real news (10kGNAD, DER STANDARD).

Reads ``../shared/data/news/10kgnad-test.csv`` (``label;'text'`` per line, 1,028 articles),
repeats it to at least ``--articles`` articles with distinct ids, and ingests them *without
extraction* into a fresh store, in batches, as ``wortlaut ingest`` does. The baseline, measured
in the same run, inserts the same rows into a plain SQLite table (same file system, WAL, same
batches) with no analyzer and no full-text index. Then 100 varied queries (single words,
phrases, prefixes, AND/OR/exclusion, date and source filters), each through
``Store.search`` with facets and snippets, as the web UI asks; their baseline is the bare FTS5
``MATCH … ORDER BY rank LIMIT 20`` of the same expression, without filters, facets or snippets.

Articles carry synthetic dates (spread over 2022) and the 10kGNAD label as their source
(``derstandard/Sport``), so that filters have something to filter.

    .venv/bin/python bench/ingest.py            # about 2-4 minutes on one core
    .venv/bin/python bench/ingest.py --articles 2000 --queries 30   # a quick look

Prints figures as text and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from wortlaut.article import Article
from wortlaut.store.base import SearchQuery
from wortlaut.store.query import parse_query
from wortlaut.store.sqlite import SQLiteStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gnad import DATA, read_gnad  # noqa: E402  (bench/gnad.py, beside this script)

BATCH = 500


def make_articles(rows: list[tuple[str, str]], n: int) -> list[Article]:
    start = date(2022, 1, 1)
    articles = []
    for i in range(n):
        label, text = rows[i % len(rows)]
        first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0][:150]
        articles.append(
            Article(
                id=f"gnad-{i // len(rows)}-{i % len(rows)}",
                text=text,
                source=f"derstandard/{label}",
                title=first,
                date=(start + timedelta(days=(i * 7) % 365)).isoformat(),
                language="de",
                source_format="10kgnad",
            )
        )
    return articles


def ingest_store(path: Path, articles: list[Article]) -> tuple[float, float]:
    """Wall and CPU seconds (this process: the analyzer and SQLite both run in it)."""
    store = SQLiteStore(path)
    c0 = time.process_time()
    t0 = time.perf_counter()
    for i in range(0, len(articles), BATCH):
        outcomes = store.ingest_batch([(a, None) for a in articles[i : i + BATCH]])
        assert all(o == "added" for o in outcomes)
    elapsed = time.perf_counter() - t0, time.process_time() - c0
    store.close()
    return elapsed


def ingest_baseline(path: Path, articles: list[Article]) -> tuple[float, float]:
    """Plain inserts of the same rows: id, text, metadata JSON, content hash; no index, no analyzer."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, article_id TEXT UNIQUE, text TEXT, meta TEXT, hash TEXT)"
    )
    c0 = time.process_time()
    t0 = time.perf_counter()
    for i in range(0, len(articles), BATCH):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO articles (article_id, text, meta, hash) VALUES (?, ?, ?, ?)",
            [
                (
                    a.id,
                    a.text,
                    json.dumps({k: v for k, v in a.to_dict().items() if k != "text"}),
                    a.content_hash(),
                )
                for a in articles[i : i + BATCH]
            ],
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0, time.process_time() - c0
    conn.close()
    return elapsed


def make_queries(rows: list[tuple[str, str]], n: int, seed: int = 7) -> list[SearchQuery]:
    """A reproducible mix: common and rare words, phrases, prefixes, boolean forms, filters."""
    rng = random.Random(seed)
    words = [w for _, t in rows for w in re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", t)]
    counts = Counter(words)
    common = [w for w, _ in counts.most_common(300)]
    rare = [w for w, c in counts.items() if 2 <= c <= 5 and len(w) > 6]
    texts = [t for _, t in rows]
    labels = sorted({label for label, _ in rows})

    def phrase() -> str:
        toks = re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", rng.choice(texts))
        i = rng.randrange(max(1, len(toks) - 2))
        return '"' + " ".join(toks[i : i + rng.choice((2, 3))]) + '"'

    makers = [
        lambda: SearchQuery(text=rng.choice(common)),
        lambda: SearchQuery(text=rng.choice(rare)),
        lambda: SearchQuery(text=phrase()),
        lambda: SearchQuery(text=rng.choice(common + rare)[:4] + "*"),
        lambda: SearchQuery(text=f"{rng.choice(common)} {rng.choice(rare)}"),
        lambda: SearchQuery(text=f"{rng.choice(rare)} OR {rng.choice(rare)}"),
        lambda: SearchQuery(text=f"{rng.choice(common)} -{rng.choice(common)}"),
        lambda: SearchQuery(text=rng.choice(common), date_from="2022-03-01", date_to="2022-03-31"),
        lambda: SearchQuery(text=rng.choice(common + rare), source=f"derstandard/{rng.choice(labels)}"),
        lambda: SearchQuery(
            text="", source=f"derstandard/{rng.choice(labels)}", offset=rng.choice((0, 20, 100))
        ),
    ]
    return [makers[i % len(makers)]() for i in range(n)]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def time_queries(
    path: Path, queries: list[SearchQuery]
) -> tuple[list[float], list[float], list[float], list[int]]:
    """Per query: wall ms and CPU ms of Store.search, wall ms of the bare FTS5 query; hit counts."""
    store = SQLiteStore(path, read_only=True)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    for q in queries[:5]:  # warm the page cache as a running server would be
        store.search(q)
    ours, cpu, bare, totals = [], [], [], []
    for q in queries:
        c0 = time.thread_time()
        t0 = time.perf_counter()
        result = store.search(q)
        ours.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        totals.append(result.total)
        parsed = parse_query(q.text)
        t0 = time.perf_counter()
        if parsed is not None:
            conn.execute(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT 20",
                (parsed.fts,),
            ).fetchall()
        else:
            conn.execute("SELECT id FROM articles ORDER BY date DESC LIMIT 20").fetchall()
        bare.append((time.perf_counter() - t0) * 1000)
    store.close()
    conn.close()
    return ours, cpu, bare, totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--articles", type=int, default=20_000, help="at least this many articles")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--dir", type=Path, default=None, help="where the stores go (default: a temp dir)")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}: this benchmark needs ../shared/data", file=sys.stderr)
        return 2
    rows = read_gnad(args.data)
    reps = -(-args.articles // len(rows))
    articles = make_articles(rows, reps * len(rows))
    chars = sum(len(a.text) for a in articles)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        base_s, base_cpu = ingest_baseline(Path(tmp) / "baseline.db", articles)
        store_path = Path(tmp) / "store.db"
        store_s, store_cpu = ingest_store(store_path, articles)
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("store.db*")) / 1e6
        queries = make_queries(rows, args.queries)
        ours, cpu, bare, totals = time_queries(store_path, queries)
    n = len(articles)
    figures: dict[str, float | int | None] = {
        "articles": n,
        "mb_text": round(chars / 1e6, 1),
        "ingest_articles_per_s": round(n / store_s, 1),
        "baseline_articles_per_s": round(n / base_s, 1),
        "ingest_vs_baseline": round(base_s / store_s, 3),
        "ingest_cpu_articles_per_s": round(n / store_cpu, 1),
        "baseline_cpu_articles_per_s": round(n / base_cpu, 1),
        "store_mb": round(size_mb, 1),
        "queries": len(queries),
        "search_p50_ms": round(percentile(ours, 0.5), 2),
        "search_p95_ms": round(percentile(ours, 0.95), 2),
        "search_max_ms": round(max(ours), 2),
        "search_cpu_p50_ms": round(percentile(cpu, 0.5), 2),
        "search_cpu_p95_ms": round(percentile(cpu, 0.95), 2),
        "bare_fts_p50_ms": round(percentile(bare, 0.5), 2),
        "bare_fts_p95_ms": round(percentile(bare, 0.95), 2),
        "search_p95_vs_bare": round(percentile(ours, 0.95) / max(percentile(bare, 0.95), 1e-6), 2),
        "median_hits": statistics.median(totals),
    }
    print(
        f"ingest: {n} articles ({figures['mb_text']} MB text) in {store_s:.1f} s = {figures['ingest_articles_per_s']}/s"
    )
    print(
        f"baseline (plain inserts, no analyzer/FTS): {figures['baseline_articles_per_s']}/s; "
        f"store/baseline throughput = {figures['ingest_vs_baseline']}"
    )
    print(
        f"CPU time (what one dedicated core would take): store {figures['ingest_cpu_articles_per_s']}/s, "
        f"baseline {figures['baseline_cpu_articles_per_s']}/s"
    )
    print(f"store size: {figures['store_mb']} MB")
    print(
        f"search ({len(queries)} queries, facets + snippets): p50 {figures['search_p50_ms']} ms, "
        f"p95 {figures['search_p95_ms']} ms, max {figures['search_max_ms']} ms; "
        f"CPU p50 {figures['search_cpu_p50_ms']} ms, p95 {figures['search_cpu_p95_ms']} ms"
    )
    print(
        f"bare FTS5 MATCH ORDER BY rank LIMIT 20: p50 {figures['bare_fts_p50_ms']} ms, "
        f"p95 {figures['bare_fts_p95_ms']} ms; ratio p95 {figures['search_p95_vs_bare']}"
    )
    slowest = sorted(zip(ours, queries, strict=True), key=lambda x: -x[0])[:5]
    for ms, q in slowest:
        print(f"  slow: {ms:.1f} ms  text={q.text!r} source={q.source} from={q.date_from} offset={q.offset}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    figures["load_avg_1m"] = round(load, 2) if load is not None else None
    figures["cpus"] = os.cpu_count()
    print(
        f"machine: {figures['cpus']} CPUs, load average {figures['load_avg_1m']} (wall times suffer when > 1)"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
