"""Exports: every table in every format can be read back, with its fixed columns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from test_store_helpers import filled_store
from wortlaut import export as exp
from wortlaut.errors import StoreError
from wortlaut.store.base import EXPORT_COLUMNS, EXPORT_TABLES
from wortlaut.store.sqlite import SQLiteStore

EXPECTED_ROWS = {"articles": 3, "quotes": 4, "entities": 6, "mentions": 8, "amounts": 3}


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return filled_store(tmp_path / "w.db")


@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_parquet_reads_back_with_typed_columns(store: SQLiteStore, tmp_path: Path, table: str) -> None:
    out = tmp_path / f"{table}.parquet"
    assert exp.export(store, table, "parquet", out) == EXPECTED_ROWS[table]
    data = pq.read_table(out)
    assert data.column_names == [name for name, _ in EXPORT_COLUMNS[table]]
    assert data.num_rows == EXPECTED_ROWS[table]


def test_parquet_is_written_in_batches_without_caps(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "q.parquet"
    assert exp.write_parquet(store.export_rows("quotes"), "quotes", out, batch_rows=1) == 4
    assert pq.ParquetFile(out).metadata.num_row_groups == 4
    rows = pq.read_table(out).to_pylist()
    assert {r["speaker_name"] for r in rows} == {"Jens Stoltenberg", "Anna Weber"}
    assert all(r["speaker_entity"].startswith("e") for r in rows)


def test_empty_table_still_has_its_columns(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "empty.db")
    out = tmp_path / "none.parquet"
    assert exp.export(store, "amounts", "parquet", out) == 0
    assert pq.read_table(out).column_names == [n for n, _ in EXPORT_COLUMNS["amounts"]]


def test_csv_reads_back(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "amounts.csv"
    exp.export(store, "amounts", "csv", out)
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["text"] for r in rows] == ["rund 100.000 Soldaten", "etwa 3000 Soldaten", "20 Grad"]
    assert rows[0]["approximate"] == "true" and rows[1]["approximate"] == "false"


def test_jsonl_reads_back_with_article_text_intact(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    exp.export(store, "articles", "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article_id"] for r in rows] == ["nato-1", "ro-1", "wetter-1"]
    assert rows[2]["text"].endswith('Radfahrer."') and rows[0]["quotes"] == 2
    mentions = list(store.export_rows("mentions"))
    assert {m["entity_name"] for m in mentions if m["article_id"] == "ro-1"} == {
        "Jens Stoltenberg",
        "Rumänien",
        "Ukraine",
    }


def test_unknown_table_or_format_is_a_clear_error(store: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown table"):
        exp.export(store, "secrets", "csv", tmp_path / "x.csv")
    with pytest.raises(StoreError, match="unknown format"):
        exp.export(store, "quotes", "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(StoreError, match="needs a file"):
        exp.export(store, "quotes", "parquet", None)
