"""JSON Lines: one article object per line, ``{"id": …, "text": …}`` plus optional metadata.

``text`` is kept exactly (the extraction contract promises offsets into it). A malformed line
becomes a failure naming the file and line number; the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..article import Article
from ..errors import EncodingError, InputError, MalformedRecordError
from .base import ReadFailure, ReadOptions, ReadResult
from .detect import set_language
from .text import check_size
from .urls import url_id

SOURCE_FORMAT = "JSON Lines: {id, text, title?, published?, url?, source?, authors?}"
_OPTIONAL_STRINGS = ("title", "published", "url", "source")


def _authors(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return list(value)
    raise MalformedRecordError("'authors' must be a string or a list of strings", where=where)


def article_from_record(record: Any, where: str, options: ReadOptions, default_source: str) -> Article:
    """Validate one decoded JSON value and turn it into an article."""
    if not isinstance(record, dict):
        raise MalformedRecordError(
            f"expected a JSON object, got {type(record).__name__}",
            where=where,
            hint='each line must be one object like {"id": "a1", "text": "…"}',
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecordError(
            "the object has no 'text' string", where=where, hint='add "text": "…" with the article text'
        )
    for key in _OPTIONAL_STRINGS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise MalformedRecordError(f"'{key}' must be a string", where=where)
    raw_id = record.get("id")
    if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip():
        article_id = str(raw_id)
    elif record.get("url"):
        article_id = url_id(record["url"])
    else:
        raise MalformedRecordError(
            "the object has no 'id' (and no 'url' to derive one from)",
            where=where,
            hint="give every article a stable id, so that re-ingesting finds it again",
        )
    where = f"{where} (article {article_id!r})"
    check_size(text, where, options)
    known = {"id", "text", "title", "published", "url", "source", "authors"}
    return Article(
        id=article_id,
        text=text,
        source=record.get("source") or options.source or default_source,
        url=record.get("url"),
        title=record.get("title"),
        headline=record.get("title"),
        published=record.get("published"),
        authors=_authors(record.get("authors"), where),
        source_format=SOURCE_FORMAT,
        meta={k: v for k, v in record.items() if k not in known},
    )


#: After this many bad lines and not one good one, the file is not JSON Lines at all.
GIVE_UP_AFTER = 20


def read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    """Stream the file line by line (no size limit on the file, only per article)."""
    good = bad = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            if bad >= GIVE_UP_AFTER and good == 0:
                yield ReadFailure(
                    MalformedRecordError(
                        f"stopped after {bad} malformed lines: this does not look like JSON Lines",
                        where=str(path),
                        hint='JSON Lines has one object per line, {"id": …, "text": …}; '
                        "a single JSON document needs the .json extension",
                    )
                )
                return
            try:
                if len(raw) > options.max_chars * 4 + 4096:
                    check_size(raw.decode("utf-8", "replace"), where, options)
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise EncodingError(
                        f"the line is not UTF-8 ({exc.reason} at byte {exc.start})",
                        where=where,
                        hint="JSON Lines must be UTF-8; re-encode the file",
                    ) from exc
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise MalformedRecordError(
                        f"not valid JSON: {exc.msg} (column {exc.colno})",
                        where=where,
                        hint="fix or remove this line; the other lines are read",
                    ) from exc
                article = article_from_record(record, where, options, default_source=path.stem)
                set_language(article, where, options)
                good += 1
                yield article
            except InputError as exc:
                bad += 1
                yield ReadFailure(exc)


def read_json_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    """A ``.json`` document: one article object, or a list of them."""
    where = str(path)
    try:
        if path.stat().st_size > options.max_chars * 4 * 16:
            raise MalformedRecordError(
                "the JSON document is too large to read at once", where=where, hint="convert it to JSON Lines"
            )
        try:
            document = json.loads(path.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise EncodingError("the file is not UTF-8", where=where, hint="JSON must be UTF-8") from exc
        except json.JSONDecodeError as exc:
            raise MalformedRecordError(
                f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", where=where
            ) from exc
    except InputError as exc:
        yield ReadFailure(exc)
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        record_where = f"{where} [{number}]" if isinstance(document, list) else where
        try:
            article = article_from_record(record, record_where, options, default_source=path.stem)
            set_language(article, record_where, options)
            yield article
        except InputError as exc:
            yield ReadFailure(exc)
