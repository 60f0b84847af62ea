"""RSS and Atom feeds: one article per item.

An item that carries its full text (``content:encoded``, Atom ``content``) is read from the feed.
An item with only a teaser is followed to its link (through :mod:`.fetch`, with a timeout and
Wortlaut's user agent) and the page is read as HTML; with ``fetch_links`` off the teaser itself
is kept. Each item's failure (a dead link, a page without an article) is that item's alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..article import Article
from ..errors import InputError, MalformedRecordError
from .base import ReadFailure, ReadOptions, ReadResult
from .detect import decode_declared, set_language
from .fetch import fetch
from .html import article_from_html
from .text import analyse, check_size
from .urls import domain, url_id

SOURCE_FORMAT = "RSS/Atom feed item"
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def fragment_to_text(fragment: str) -> str:
    """An HTML fragment as paragraphs separated by blank lines (headings on their own line)."""
    import lxml.html

    if "<" not in fragment:
        return "\n\n".join(p.strip() for p in fragment.split("\n\n") if p.strip())
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    parts: list[str] = []
    for element in root.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            parts.append(text)
    if not parts:
        parts = [" ".join(root.text_content().split())]
    return "\n\n".join(p for p in parts if p)


def iso_date(entry: Any) -> str | None:
    """The item's date as ISO 8601, keeping the feed's own offset where it gives one."""
    raw = entry.get("published") or entry.get("updated")
    if raw:
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        year, month, day, hour, minute, second = parsed[:6]
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    return None


def _entry_id(entry: Any, feed_key: str) -> str:
    if entry.get("link"):
        return url_id(entry["link"])
    guid = entry.get("id") or entry.get("title") or ""
    return f"{feed_key}-{hashlib.sha1(guid.encode('utf-8')).hexdigest()[:16]}"


def _from_content(
    entry: Any, html: str, where: str, options: ReadOptions, source: str, feed_key: str
) -> Article:
    text = fragment_to_text(html)
    check_size(text, where, options)
    structure = analyse(text)
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")] or structure.authors
    return Article(
        id=_entry_id(entry, feed_key),
        text=text,
        source=source,
        url=entry.get("link"),
        title=entry.get("title"),
        headline=entry.get("title"),
        published=iso_date(entry),
        authors=authors,
        bureau=structure.bureau,
        source_format=SOURCE_FORMAT,
        zones=structure.zones,
    )


def read_feed_bytes(
    data: bytes, where: str, options: ReadOptions, *, feed_url: str | None = None
) -> Iterator[ReadResult]:
    """Parse a feed and yield one result per item."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        reason = getattr(parsed, "bozo_exception", None)
        yield ReadFailure(
            MalformedRecordError(
                f"not a readable RSS/Atom feed{f' ({reason})' if reason else ''}",
                where=where,
                hint="check that the file or URL is a feed",
            )
        )
        return
    feed_title = parsed.feed.get("title") or None
    feed_link = feed_url or parsed.feed.get("link") or ""
    feed_key = domain(feed_link) if feed_link else Path(where).stem
    source = feed_title or options.source or feed_key
    for number, entry in enumerate(parsed.entries, start=1):
        item_where = f"{where} item {number}" + (f" ({entry['link']})" if entry.get("link") else "")
        try:
            content = entry.get("content") or []
            full = next((c.get("value") for c in content if c.get("value")), None)
            if full:
                article = _from_content(entry, full, item_where, options, source, feed_key)
            elif options.fetch_links and entry.get("link"):
                page = fetch(entry["link"], options)
                html = decode_declared(page.data, page.charset, item_where)
                article = article_from_html(
                    html, where=item_where, options=options, url=entry["link"], source=source
                )
                article.title = entry.get("title") or article.title
                article.headline = article.title
                article.published = iso_date(entry) or article.published
                article.source_format = SOURCE_FORMAT + " (page fetched from its link)"
            else:
                summary = entry.get("summary") or ""
                article = _from_content(entry, summary, item_where, options, source, feed_key)
                article.meta["text_from"] = "feed summary (links not followed)"
            set_language(article, item_where, options)
            yield article
        except InputError as exc:
            yield ReadFailure(exc)


def read_feed_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    yield from read_feed_bytes(path.read_bytes(), str(path), options)


def read_feed_url(url: str, options: ReadOptions) -> Iterator[ReadResult]:
    try:
        page = fetch(url, options)
    except InputError as exc:
        yield ReadFailure(exc)
        return
    yield from read_feed_bytes(page.data, url, options, feed_url=page.url)
