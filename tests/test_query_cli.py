"""The query commands through click's CliRunner: search, show, stats, export."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from test_store_helpers import filled_store, nato_items
from wortlaut.cli import main
from wortlaut.store.sqlite import SQLiteStore


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    filled_store(path).close()
    return path


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_search_prints_hits_with_snippets(db: Path) -> None:
    code, out, _ = run(db, "search", "Flugverbotszonen", "--from", "2022-03-17")
    assert code == 0
    assert "ro-1" in out and "nato-1" not in out
    assert "Jens Stoltenberg" in out and "1–2 of 2" in out


def test_search_json_carries_snippet_segments_and_facets(db: Path) -> None:
    code, out, _ = run(db, "search", "Grüße", "--kind", "quotes", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 1
    assert ["Grüße", True] in data["hits"][0]["snippet"]["segments"]
    assert data["facets"]["speakers"] == [["Anna Weber", 1]]


def test_search_amounts(db: Path) -> None:
    code, out, _ = run(db, "search", "--counted", "Soldaten", "--min", "5000")
    assert code == 0 and "amount: ~100000 Soldaten" in out and "3000" not in out.split("amount:")[1]


def test_bad_query_is_one_line_and_exit_1(db: Path) -> None:
    code, out, err = run(db, "search", '"unclosed')
    assert code == 1 and err.startswith("error: [W203]") and "Traceback" not in err


def test_show_marks_quotes_and_lists_extraction(db: Path) -> None:
    code, out, _ = run(db, "show", "nato-1")
    assert code == 0
    assert '«"Eine Flugverbotszone über der Ukraine wird es nicht geben."»[Q1]' in out
    assert "Q2 indirect: Jens Stoltenberg" in out
    assert "E1 ORG NATO" in out and "rund 100.000 Soldaten" in out
    code, out, _ = run(db, "show", "nato-1", "--json")
    assert json.loads(out)["extraction"]["quotes"][0]["type"] == "direct"


def test_show_unknown_article_fails_cleanly(db: Path) -> None:
    code, _, err = run(db, "show", "nope")
    assert code == 1 and "[W202]" in err and "nope" in err


def test_stats_shows_the_store_path(db: Path) -> None:
    code, out, _ = run(db, "stats")
    assert code == 0 and str(db.resolve()) in out and "articles:  3" in out
    code, out, _ = run(db, "stats", "--json")
    assert json.loads(out)["quotes"] == 4


def test_export_writes_parquet_by_default_and_csv_to_stdout(db: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "quotes.parquet"
    code, _, err = run(db, "export", "-o", str(out_file))
    assert code == 0 and "4 quotes rows" in err
    assert pq.read_table(out_file).num_rows == 4
    code, out, _ = run(db, "export", "--format", "csv", "--table", "entities", "-o", "-")
    assert code == 0 and out.splitlines()[0].startswith("entity_id,label,name")
    assert len(out.splitlines()) == 7


def test_commands_on_a_missing_store_say_what_to_do(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "none.db", "search", "x")
    assert code == 1 and "no store here" in err and "wortlaut ingest" in err


def test_show_an_older_version(db: Path) -> None:
    art = nato_items()[2][0]
    store = SQLiteStore(db)
    store.ingest_batch([(replace(art, text=art.text + " Nachtrag: Regen am Sonntag."), None)])
    store.close()
    code, out, _ = run(db, "show", "wetter-1", "--version", "1")
    assert code == 0 and "version: 1 of 2" in out and "Nachtrag" not in out and "Q1 direct" in out
    code, out, _ = run(db, "show", "wetter-1")
    assert "version: 2 of 2" in out and "Nachtrag" in out and "not extracted" in out
