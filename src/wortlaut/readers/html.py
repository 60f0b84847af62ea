"""HTML pages: trafilatura finds the main text, title, author and date.

The article text is the page's main text as paragraphs separated by blank lines (an HTML page
has no "unchanged text" to keep; the extracted text is what all offsets point into). The first
line is the page title when trafilatura repeats it; it becomes the header zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from ..article import Article, ZoneSpan
from ..errors import InputError, NoArticleFoundError
from .base import ReadFailure, ReadOptions, ReadResult
from .detect import check_file_size, decode, set_language
from .text import analyse, check_size
from .urls import domain, url_id

SOURCE_FORMAT = "HTML page (main text by trafilatura)"
#: Less main text than this (title aside) is a menu, an index or an error page, not an article.
MIN_ARTICLE_CHARS = 80


_DATE_META = ("article:published_time", "og:published_time", "datePublished", "pubdate", "date", "dc.date")


def _extract(html: str, url: str | None) -> tuple[Any, str | None]:
    """trafilatura's document, and the publication time from the page's meta tags (trafilatura
    keeps only the day; the time of day with its offset matters for timelines)."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None, None
    stamps: list[str] = []
    for name in _DATE_META:
        query = f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]/@content'
        stamps.extend(str(v) for v in tree.xpath(query))
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False
    )
    return doc, _timestamp(stamps, getattr(doc, "date", None))


def _timestamp(candidates: list[str], day: str | None) -> str | None:
    """The first full ISO timestamp with an offset that falls on ``day`` (or any, without one)."""
    for value in candidates:
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is not None and (day is None or moment.date().isoformat() == day):
            return moment.isoformat()
    return day


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in re.split(r";|\s+und\s+", value) if a.strip()]


def article_from_html(
    html: str,
    *,
    where: str,
    options: ReadOptions,
    url: str | None = None,
    fallback_id: str | None = None,
    source: str | None = None,
) -> Article:
    """One page → one article; raises :class:`NoArticleFoundError` when there is no main text."""
    doc, published = _extract(html, url)
    body = (doc.text or "") if doc is not None else ""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    prose = sum(len(line) for line in lines if line != doc.title)
    if prose < MIN_ARTICLE_CHARS:
        raise NoArticleFoundError(
            "no article text found in this HTML page",
            where=where,
            hint="it may be an index, login or error page; pass an article page",
        )
    text = "\n\n".join(lines)
    check_size(text, where, options)
    title = doc.title or None
    page_url = url or doc.url or None
    zones: list[ZoneSpan] = []
    start = 0
    if title and lines[0] == title:
        zones.append(ZoneSpan(0, len(lines[0]), "header"))
        start = len(lines[0])
    structure = analyse(text, start)
    zones.extend(structure.zones)
    if page_url:
        article_id = url_id(page_url)
    elif fallback_id:
        article_id = fallback_id
    else:
        raise NoArticleFoundError("the page has no URL to derive an id from", where=where)
    return Article(
        id=article_id,
        text=text,
        source=source or (domain(page_url) if page_url else None) or options.source or doc.sitename,
        url=page_url,
        title=title,
        headline=title,
        published=published or None,
        authors=_authors(doc.author) or structure.authors,
        bureau=structure.bureau,
        source_format=SOURCE_FORMAT,
        zones=zones,
        meta={"description": doc.description} if doc.description else {},
    )


def read_html_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    """A saved page: id from its canonical URL when it names one, else from the file name."""
    where = str(path)
    try:
        check_file_size(path, options, 8, "raise the limit with --max-chars")
        html, _ = decode(path.read_bytes(), where)
        article = article_from_html(html, where=where, options=options, fallback_id=path.stem)
        set_language(article, where, options)
        yield article
    except InputError as exc:
        yield ReadFailure(exc)
