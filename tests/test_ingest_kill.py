"""A real ``kill -9`` in the middle of ``wortlaut ingest``: the store stays consistent and a
re-run completes the rest without duplicates."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from wortlaut.store import open_store
from wortlaut.store.base import SearchQuery

#: article counts tried in turn: ingest must still be running when the test interrupts it, and
#: on a loaded machine the polling below may see the first batches late (then: more articles)
TOTALS = (2000, 8000, 24000)
BATCH = 3
WORDS = [
    "Gemeinderat",
    "Haushalt",
    "Schule",
    "Brücke",
    "Kreistag",
    "Bürgermeisterin",
    "Feuerwehr",
    "Hochwasser",
    "Straße",
    "Bahnhof",
    "Krankenhaus",
    "Förderung",
    "Stadtwerke",
    "Landrat",
    "Abstimmung",
    "Opposition",
    "Verwaltung",
    "Kita",
    "Sporthalle",
    "Radweg",
]


def write_articles(path: Path, total: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(total):
            words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12)]
            sentences = [
                f"Der {words[k]} von Talheim beschäftigt am Dienstag erneut die {words[k + 1]}."
                for k in range(10)
            ]
            record = {"id": f"art-{i:04d}", "text": f"Meldung {i}. " + " ".join(sentences * 3)}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def command(db: Path, data: Path) -> list[str]:
    run = "from wortlaut.cli import main; main()"
    return [sys.executable, "-c", run, "--db", str(db), "ingest", str(data), "--no-extract", "--quiet",
            "--batch-size", str(BATCH)]  # fmt: skip


def stored_count(db: Path) -> int:
    """Articles committed so far, read through the store like any other reader would."""
    try:
        store = open_store(db, read_only=True)
    except Exception:
        return 0  # not created or not migrated yet
    try:
        return store.stats().articles
    except sqlite3.Error:
        return 0
    finally:
        store.close()


def interrupt_midway(
    tmp_path: Path, sig: int, min_stored: int
) -> tuple[subprocess.Popen[str], Path, int, int]:
    """Start an ingest, wait until ``min_stored`` articles are stored, send ``sig``; retried
    with more articles when the ingest had already finished (the race is the machine's load,
    not the code under test). Returns the finished process, the store, the total and the count
    seen before the signal."""
    for total in TOTALS:
        data = tmp_path / f"many-{total}.jsonl"
        db = tmp_path / f"store-{total}.db"
        write_articles(data, total)
        proc = subprocess.Popen(command(db, data), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        seen = 0
        while time.monotonic() < deadline and proc.poll() is None:
            seen = stored_count(db)
            if seen >= min_stored:
                break
            time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(sig)
            proc.wait(timeout=60)
            if proc.returncode != 0:  # interrupted, not finished in between
                return proc, db, total, seen
        proc.communicate()
    raise AssertionError(f"ingest of {TOTALS[-1]} articles finished before it could be interrupted")


def test_kill_9_mid_ingest_leaves_a_consistent_store_and_rerun_completes(tmp_path: Path) -> None:
    proc, db, total, seen = interrupt_midway(tmp_path, signal.SIGKILL, 30)
    data = tmp_path / f"many-{total}.jsonl"
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert seen >= 30

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = open_store(db)
    stats = store.stats()
    assert 30 <= stats.articles < total
    assert stats.versions == stats.articles
    assert stats.articles % BATCH == 0, "a batch was half stored: batches must be transactions"
    hits = store.search(SearchQuery(text="Talheim", kind="articles", limit=1))
    assert hits.total == stats.articles  # the full-text index agrees with the table
    stored_before = stats.articles
    store.close()

    rerun = subprocess.run(command(db, data), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"{total - stored_before} added" in rerun.stdout
    assert f"{stored_before} unchanged" in rerun.stdout

    store = open_store(db)
    stats = store.stats()
    ids = [row["article_id"] for row in store.export_rows("articles")]
    assert (stats.articles, stats.versions) == (total, total)
    assert len(ids) == len(set(ids)) == total
    assert store.search(SearchQuery(text="Talheim", kind="articles", limit=1)).total == total
    store.close()


def test_ctrl_c_keeps_stored_batches_and_says_how_to_finish(tmp_path: Path) -> None:
    proc, db, _total, _seen = interrupt_midway(tmp_path, signal.SIGINT, 9)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "run the same command again" in err and "Traceback" not in err
    store = open_store(db)
    assert store.stats().articles % BATCH == 0
    store.close()
