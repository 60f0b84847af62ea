"""A real ``kill -9`` in the middle of ``wortlaut ingest``: the store stays consistent and a
re-run completes the rest without duplicates."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from wortlaut.store import open_store
from wortlaut.store.base import SearchQuery

TOTAL = 2000  # large enough that ingest is still running when the test interrupts it
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


def write_articles(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(TOTAL):
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


def test_kill_9_mid_ingest_leaves_a_consistent_store_and_rerun_completes(tmp_path: Path) -> None:
    data = tmp_path / "many.jsonl"
    db = tmp_path / "kill.db"
    write_articles(data)

    proc = subprocess.Popen(command(db, data), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = stored_count(db)
        if seen >= 30:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed: raise TOTAL"
    assert seen >= 30

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = open_store(db)
    stats = store.stats()
    assert 30 <= stats.articles < TOTAL
    assert stats.versions == stats.articles
    assert stats.articles % BATCH == 0, "a batch was half stored: batches must be transactions"
    hits = store.search(SearchQuery(text="Talheim", kind="articles", limit=1))
    assert hits.total == stats.articles  # the full-text index agrees with the table
    stored_before = stats.articles
    store.close()

    rerun = subprocess.run(command(db, data), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"{TOTAL - stored_before} added" in rerun.stdout
    assert f"{stored_before} unchanged" in rerun.stdout

    store = open_store(db)
    stats = store.stats()
    ids = [row["article_id"] for row in store.export_rows("articles")]
    assert (stats.articles, stats.versions) == (TOTAL, TOTAL)
    assert len(ids) == len(set(ids)) == TOTAL
    assert store.search(SearchQuery(text="Talheim", kind="articles", limit=1)).total == TOTAL
    store.close()


def test_ctrl_c_keeps_stored_batches_and_says_how_to_finish(tmp_path: Path) -> None:
    data = tmp_path / "many.jsonl"
    db = tmp_path / "int.db"
    write_articles(data)
    proc = subprocess.Popen(command(db, data), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and stored_count(db) < 9:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "run the same command again" in err and "Traceback" not in err
    store = open_store(db)
    assert store.stats().articles % BATCH == 0
    store.close()
