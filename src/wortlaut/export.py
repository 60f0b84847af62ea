"""Exports of the store's tables as Parquet, CSV or JSON Lines, streamed and without row caps.

Rows come from :meth:`Store.export_rows`, which streams; Parquet is written in row groups of
:data:`BATCH_ROWS` with the fixed column types of :data:`~wortlaut.store.base.EXPORT_COLUMNS`,
so memory stays flat however big the store is and a table with no rows still has its columns.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

from .errors import StoreError
from .store.base import EXPORT_COLUMNS, EXPORT_TABLES, Store

Format = Literal["parquet", "csv", "jsonl"]
FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl")
BATCH_ROWS = 5_000


def _check(table: str, fmt: str) -> None:
    if table not in EXPORT_TABLES:
        raise StoreError(f"unknown table {table!r}", hint="use one of " + ", ".join(EXPORT_TABLES))
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}", hint="use one of " + ", ".join(FORMATS))


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of an export table."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in EXPORT_COLUMNS[table]])


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(
    rows: Iterable[dict[str, Any]], table: str, path: Path, batch_rows: int = BATCH_ROWS
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    names = schema.names
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for batch in _batches(rows, batch_rows):
            columns = {name: [row[name] for row in batch] for name in names}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(rows: Iterable[dict[str, Any]], table: str, out: IO[str]) -> int:
    names = [name for name, _ in EXPORT_COLUMNS[table]]
    writer = csv.writer(out)
    writer.writerow(names)
    count = 0
    for row in rows:
        writer.writerow([_csv_value(row[name]) for name in names])
        count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def export(store: Store, table: str, fmt: str, path: Path | None, stream: IO[str] | None = None) -> int:
    """Write one table to ``path`` (or, for csv/jsonl, to ``stream``); returns the row count."""
    _check(table, fmt)
    rows = store.export_rows(table)
    if fmt == "parquet":
        if path is None:
            raise StoreError("Parquet needs a file", hint="give one with -o FILE.parquet")
        return write_parquet(rows, table, path)
    if path is None:
        if stream is None:
            raise StoreError("no output given", hint="give a file with -o FILE")
        return write_csv(rows, table, stream) if fmt == "csv" else write_jsonl(rows, stream)
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_csv(rows, table, out) if fmt == "csv" else write_jsonl(rows, out)
