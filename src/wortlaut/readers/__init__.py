"""Readers: every supported input becomes a stream of :class:`~wortlaut.article.Article`.

``read(source, options)`` picks the reader by extension and, where the extension says nothing
(or nothing we read), by the first bytes. Directories are read file by file in name order;
``http(s)://`` sources are fetched once and read as a feed or a page. Nothing here raises for one
bad input: every problem becomes a :class:`ReadFailure` naming the file (and line, item or record)
and what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import EncodingError, InputError, UnknownFormatError
from .base import DEFAULT_MAX_CHARS, ReadFailure, ReadOptions, ReadResult
from .detect import Format, format_from_content, format_from_name

SUPPORTED = (
    ".txt (seed format or plain text), .jsonl, .json, .html, RSS/Atom .xml/.rss/.atom, .warc/.warc.gz, "
    "Wikinews .xml.bz2 dumps, or an http(s) URL of a feed or page"
)


#: Extensions read when walking a directory. Other files there (READMEs, gold annotations in
#: ``.json``, images) are passed over; name a file explicitly to have it read (or refused) anyway.
DIRECTORY_EXTENSIONS = (
    ".txt",
    ".jsonl",
    ".ndjson",
    ".html",
    ".htm",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
    ".xml.bz2",
)


def in_directory_walk(path: Path) -> bool:
    return not path.name.startswith(".") and path.name.lower().endswith(DIRECTORY_EXTENSIONS)


def detect_format(path: Path) -> Format:
    """The reader for a file: its extension, checked (or decided) by its first bytes."""
    with path.open("rb") as handle:
        head = handle.read(8192)
    by_name = format_from_name(path.name)
    by_content = format_from_content(head)
    if by_name in ("warc", "wikinews", "jsonl", "json"):
        return by_name  # compressed or line-based: the extension is the better witness
    if by_name is not None and by_content is not None:
        return by_name
    if by_content is not None:
        return by_content
    from .detect import looks_binary

    if looks_binary(head):
        raise EncodingError(
            "this is a binary file, not text",
            where=str(path),
            hint=f"pass one of: {SUPPORTED}",
        )
    raise UnknownFormatError(
        "cannot tell what kind of input this is", where=str(path), hint=f"pass one of: {SUPPORTED}"
    )


def _read_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    from . import feed, html, jsonl, text, warc, wikinews

    fmt = detect_format(path)
    if fmt in ("text", "seed"):
        yield from text.read_text_file(path, options)
    elif fmt == "jsonl":
        yield from jsonl.read_jsonl_file(path, options)
    elif fmt == "json":
        yield from jsonl.read_json_file(path, options)
    elif fmt == "html":
        yield from html.read_html_file(path, options)
    elif fmt == "feed":
        yield from feed.read_feed_file(path, options)
    elif fmt == "warc":
        yield from warc.read_warc_file(path, options)
    else:
        yield from wikinews.read_wikinews_dump(path, options)


def _read_url(url: str, options: ReadOptions) -> Iterator[ReadResult]:
    from . import feed, html
    from .detect import decode_declared, set_language
    from .fetch import fetch

    page = fetch(url, options)
    kind = format_from_content(page.data[:8192])
    if kind == "feed" or "xml" in page.content_type and kind != "html":
        yield from feed.read_feed_bytes(page.data, url, options, feed_url=page.url)
        return
    article = html.article_from_html(
        decode_declared(page.data, page.charset, url), where=url, options=options, url=page.url
    )
    set_language(article, url, options)
    yield article


def read(source: str | Path, options: ReadOptions | None = None) -> Iterator[ReadResult]:
    """Read one input (file, directory or URL) as articles and failures, never raising for it."""
    options = options or ReadOptions()
    name = str(source)
    try:
        if isinstance(source, str) and source.startswith(("http://", "https://")):
            yield from _read_url(source, options)
            return
        path = Path(source)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file() and in_directory_walk(p))
            if not children:
                raise InputError(
                    "the directory holds no files of a kind Wortlaut reads",
                    where=name,
                    hint=f"pass {SUPPORTED}",
                )
            for child in children:
                yield from read(child, options)
            return
        if not path.exists():
            raise InputError("no such file or directory", where=name, hint="check the path")
        yield from _read_file(path, options)
    except InputError as exc:
        yield ReadFailure(exc)
    except OSError as exc:
        yield ReadFailure(
            InputError(f"cannot read: {exc.strerror or exc}", where=name, hint="check permissions")
        )


__all__ = [
    "DEFAULT_MAX_CHARS",
    "ReadFailure",
    "ReadOptions",
    "ReadResult",
    "SUPPORTED",
    "detect_format",
    "read",
]
