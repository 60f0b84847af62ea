"""German Wikinews XML dumps (``dewikinews-*-pages-articles.xml.bz2``), streamed.

Pages are read one at a time with ``iterparse`` and cleared after use, so a dump of any size runs
in constant memory. Only articles (namespace 0, no redirects) are kept. Wikitext becomes plain text
with mwparserfromhell: templates, references, files and categories go; link texts stay; headings
become section titles; the trailing "Quellen"/"Themenverwandte Artikel" sections are dropped
(they are link lists, not news prose). The publication date comes from the ``{{Datum|…}}``
template German Wikinews puts on every article.
"""

from __future__ import annotations

import bz2
import contextlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from ..article import Article, ZoneSpan
from ..errors import InputError, MalformedRecordError
from .base import ReadFailure, ReadOptions, ReadResult
from .detect import set_language
from .text import check_size

SOURCE_FORMAT = "German Wikinews XML dump (wikitext converted to plain text)"
SOURCE = "de.wikinews.org"
_STOP_SECTIONS = frozenset(
    {
        "quellen",
        "quelle",
        "themenverwandte artikel",
        "weblinks",
        "einzelnachweise",
        "siehe auch",
        "anmerkungen",
    }
)
_DROP_LINK_PREFIXES = ("datei:", "file:", "bild:", "image:", "kategorie:", "category:", "media:")
_INTERWIKI = re.compile(r"^[a-z]{2,3}(-[a-z]+)?:", re.I)
_MONTH_NAMES = (
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_MONTHS["jänner"] = 1


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_datum(value: str) -> str | None:
    """``16.03.2025`` or ``16. März 2025`` → ``2025-03-16``."""
    value = value.strip()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value)
    if m:
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{1,2})\.\s*([A-Za-zäÄ]+)\s+(\d{4})", value)
        if not m or m[2].lower() not in _MONTHS:
            return None
        day, month, year = int(m[1]), _MONTHS[m[2].lower()], int(m[3])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def wikitext_to_parts(wikitext: str) -> tuple[list[tuple[str, bool]], str | None]:
    """(paragraphs as (text, is_section_title), publication date from ``{{Datum}}``)."""
    import mwparserfromhell

    code = mwparserfromhell.parse(wikitext)
    published = None
    for template in code.filter_templates(recursive=False):
        if str(template.name).strip().lower() == "datum" and template.params:
            published = parse_datum(str(template.params[0].value))
            break
    for template in code.filter_templates(recursive=False):
        _remove(code, template)
    for tag in code.filter_tags(recursive=False):
        if str(tag.tag).lower() in ("ref", "references", "gallery", "table", "math", "timeline"):
            _remove(code, tag)
    for link in code.filter_wikilinks(recursive=False):
        target = str(link.title).strip().lower().lstrip(":")
        if target.startswith(_DROP_LINK_PREFIXES) or (
            _INTERWIKI.match(target) and not target.startswith("w:")
        ):
            _remove(code, link)
    parts: list[tuple[str, bool]] = []
    buffer: list[str] = []

    def flush() -> None:
        plain = mwparserfromhell.parse("".join(buffer)).strip_code(normalize=True, collapse=True)
        for line in plain.split("\n"):
            line = " ".join(line.split())
            if line:
                parts.append((line, False))
        buffer.clear()

    for node in code.nodes:
        if isinstance(node, mwparserfromhell.nodes.Heading):
            flush()
            title = " ".join(node.title.strip_code().split())
            if title.lower() in _STOP_SECTIONS:
                return parts, published
            if title:
                parts.append((title, True))
        else:
            buffer.append(str(node))
    flush()
    return parts, published


def _remove(code: Any, node: Any) -> None:
    with contextlib.suppress(ValueError):  # already gone with its parent
        code.remove(node)


def article_from_page(page: dict[str, str], where: str, options: ReadOptions) -> Article:
    parts, published = wikitext_to_parts(page["text"])
    pieces: list[str] = []
    zones: list[ZoneSpan] = []
    pos = 0
    for text, is_title in parts:
        if pieces:
            pos += 2
        zones.append(ZoneSpan(pos, pos + len(text), "section_title" if is_title else "body"))
        pieces.append(text)
        pos += len(text)
    text = "\n\n".join(pieces)
    check_size(text, where, options)
    title = page["title"]
    return Article(
        id=f"dewikinews-{page['id']}",
        text=text,
        source=SOURCE,
        url=f"https://de.wikinews.org/wiki/{quote(title.replace(' ', '_'))}",
        title=title,
        headline=title,
        published=published,
        updated=page.get("timestamp") or None,
        source_format=SOURCE_FORMAT,
        zones=zones,
        meta={"revision": page["revision"]} if page.get("revision") else {},
    )


def _pages(handle: IO[bytes]) -> Iterator[dict[str, str]]:
    """Yield each ``<page>`` as a flat dict, clearing the tree as it goes."""
    context = ET.iterparse(handle, events=("start", "end"))
    root = None
    for event, elem in context:
        if root is None and event == "start":
            root = elem
        if event != "end" or _local(elem.tag) != "page":
            continue
        page: dict[str, str] = {"redirect": ""}
        for child in elem:
            name = _local(child.tag)
            if name in ("title", "ns", "id"):
                page[name] = child.text or ""
            elif name == "redirect":
                page["redirect"] = child.get("title") or "yes"
            elif name == "revision":
                for sub in child:
                    sub_name = _local(sub.tag)
                    if sub_name == "text":
                        page["text"] = sub.text or ""
                    elif sub_name == "timestamp":
                        page["timestamp"] = sub.text or ""
                    elif sub_name == "id":
                        page["revision"] = sub.text or ""
        yield page
        elem.clear()
        if root is not None:
            root.clear()


def read_wikinews_dump(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    try:
        with path.open("rb") as probe:
            opener = bz2.open if probe.read(3) == b"BZh" else open
        with opener(path, "rb") as handle:
            for page in _pages(handle):
                if page.get("ns", "0") != "0" or page["redirect"] or "text" not in page:
                    continue
                where = f"{path} page {page.get('id', '?')} ({page.get('title', '')})"
                try:
                    article = article_from_page(page, where, options)
                    set_language(article, where, options)
                    yield article
                except InputError as exc:
                    yield ReadFailure(exc)
    except (ET.ParseError, OSError, EOFError) as exc:
        yield ReadFailure(
            MalformedRecordError(
                f"the dump cannot be read further ({exc})",
                where=str(path),
                hint="check that it is a complete MediaWiki XML dump (.xml or .xml.bz2)",
            )
        )
