"""Plain text: paragraphs, bylines, section titles and boilerplate found by their shape.

The text is never changed: every part is recorded as a :class:`~wortlaut.article.ZoneSpan`
with offsets into it. The rules follow how German online news is laid out when copied as text
(the seed is the reference): a byline is a short ``Von NAME, BUREAU`` line; a section title is a
short line without final punctuation; boilerplate is a recognisable non-article line such as
``WDR Logo NAME BUREAU`` or a "more on this topic" teaser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..article import Article, Zone, ZoneSpan
from ..errors import EmptyArticleError, InputError, OversizedArticleError
from .base import ReadFailure, ReadOptions, ReadResult

_BYLINE = re.compile(r"^Von\s+(?P<rest>[^\n]{3,150})$")
_NAME = re.compile(
    r"^(?:(?:Dr|Prof)\.\s+)*[A-ZÄÖÜ][\w'’.-]*(?:\s+(?:von|van|de|der|zu|den)?\s*[A-ZÄÖÜ][\w'’.-]*){0,3}$"
)
_BUREAU_WORDS = re.compile(
    r"studio|redaktion|korrespondent|büro|tagesschau|ard|zdf|dpa|reuters|afp|kna|epd|zeitung|"
    r"magazin|nachrichten|online|\bsr\b|\bbr\b|\bndr\b|\bwdr\b|\bswr\b|\bmdr\b|\bhr\b|\brbb\b",
    re.I,
)
_BOILERPLATE = [
    # "WDR Logo Helga Schmidt ARD-Studio Brüssel": a broadcaster's logo caption with the author
    re.compile(r"^[A-ZÄÖÜ0-9][\w.&-]{0,15} Logo(?: |$)"),
    re.compile(
        r"^(?:Hinweis|Anmerkung der Redaktion|Mehr zum Thema|Mehr zu diesem Thema|Dieses Thema im Programm|"
        r"Sendung|Quelle|Quellen|Bildquelle|Bild|Foto|Fotos|Audio|Video|Grafik|Livestream|Podcast|"
        r"Über dieses Thema berichtete[^\n]*|Stand)\s*:",
        re.I,
    ),
    re.compile(r"^(?:Mehr zum Thema|Mehr zu diesem Thema|Weitere Informationen|Zum Weiterlesen)$", re.I),
    re.compile(r"fiktive[rns]? Beispiel|wortlaut-samples", re.I),
]
#: Characters that end a sentence (or a quotation) — lines ending in one of them are prose.
_FINAL = tuple(".!?;,…\"“”„»«'’‘)")

MAX_TITLE_CHARS = 100
MAX_TITLE_WORDS = 12
MAX_BOILERPLATE_CHARS = 160


@dataclass
class Structure:
    """What the layout of a text shows: zones, and the byline's authors and bureau."""

    zones: list[ZoneSpan] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    bureau: str | None = None


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """``Von Helga Schmidt, ARD-Studio Brüssel`` → (["Helga Schmidt"], "ARD-Studio Brüssel")."""
    line = line.strip()
    match = _BYLINE.match(line)
    if not match or line.endswith(_FINAL):
        return None
    parts = [p.strip() for p in match.group("rest").split(",") if p.strip()]
    bureau: str | None = None
    if len(parts) >= 2 and (len(parts) == 2 or _BUREAU_WORDS.search(parts[-1])):
        bureau = parts.pop()
    authors: list[str] = []
    for part in parts:
        authors.extend(a.strip() for a in re.split(r"\s+(?:und|&)\s+", part) if a.strip())
    if not authors or not all(_NAME.match(a) for a in authors):
        return None
    return authors, bureau


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return False
    if _BOILERPLATE[0].search(line) and not line.endswith(_FINAL):
        return True
    return any(p.search(line) for p in _BOILERPLATE[1:])


def is_section_title(line: str) -> bool:
    """A short line that starts like a sentence but does not end like one."""
    line = line.strip()
    if not line or len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS:
        return False
    if line.endswith(_FINAL) or line.endswith(":"):
        return False
    return line[0].isupper() or line[0].isdigit()


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line in text[start:end], stripped of outer whitespace."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        line = text[pos:stop]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            yield pos + lead, stop - trail
        pos = stop + 1


def _blocks(text: str, start: int, end: int) -> Iterator[list[tuple[int, int]]]:
    """Groups of consecutive non-blank lines (paragraphs separated by blank lines)."""
    block: list[tuple[int, int]] = []
    last_end = start
    for s, e in _lines(text, start, end):
        if block and text[last_end:s].count("\n") >= 2:
            yield block
            block = []
        block.append((s, e))
        last_end = e
    if block:
        yield block


def analyse(text: str, start: int = 0, *, first_prose_is_lead: bool = False) -> Structure:
    """Zone text[start:] by layout. With ``first_prose_is_lead`` (the seed's layout: header,
    then the teaser paragraph) the first prose paragraph becomes the lead."""
    result = Structure()
    want_lead = first_prose_is_lead
    for block in _blocks(text, start, len(text)):
        prose: list[tuple[int, int]] = []
        for s, e in block:
            line = text[s:e]
            kind: Zone | None = None
            if not result.authors and (byline := parse_byline(line)):
                result.authors, result.bureau = byline
                kind = "byline"
            elif is_boilerplate(line):
                kind = "boilerplate"
            elif len(block) == 1 and not want_lead and is_section_title(line):
                kind = "section_title"
            if kind is None:
                prose.append((s, e))
                continue
            _flush(result, prose, "body")
            prose = []
            result.zones.append(ZoneSpan(s, e, kind))
        if prose:
            _flush(result, prose, "lead" if want_lead else "body")
            want_lead = False
    return result


def _flush(result: Structure, lines: list[tuple[int, int]], zone: Zone) -> None:
    """Consecutive prose lines form one paragraph zone."""
    if lines:
        result.zones.append(ZoneSpan(lines[0][0], lines[-1][1], zone))


def check_size(text: str, where: str, options: ReadOptions) -> None:
    """Refuse empty and oversized texts with a message that says what to do."""
    if not text.strip():
        raise EmptyArticleError(
            "the article has no text", where=where, hint="check the input; nothing to ingest"
        )
    if len(text) > options.max_chars:
        raise OversizedArticleError(
            f"the article has {len(text):,} characters, more than the limit of {options.max_chars:,}",
            where=where,
            hint="split it, or raise the limit with --max-chars",
        )


def article_from_text(text: str, path: Path, options: ReadOptions, *, encoding: str = "utf_8") -> Article:
    """A headerless plain-text article: id from the file name, zones from the layout."""
    where = str(path)
    check_size(text, where, options)
    structure = analyse(text)
    first = structure.zones[0] if structure.zones else None
    return Article(
        id=path.stem,
        text=text,
        source=options.source or path.parent.name or None,
        # A short first line without final punctuation is the title, as in most text exports.
        title=text[first.start : first.end] if first and first.zone == "section_title" else None,
        authors=structure.authors,
        bureau=structure.bureau,
        source_format="plain text: paragraphs separated by blank lines",
        zones=structure.zones,
        meta={"encoding": encoding} if encoding != "utf_8" else {},
    )


def read_text_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    """One plain-text or seed-format file → one article (the header decides which)."""
    from . import seed
    from .detect import check_file_size, decode, is_seed_text, set_language

    where = str(path)
    try:
        check_file_size(path, options, 4, "split it, or raise the limit with --max-chars")
        text, encoding = decode(path.read_bytes(), where)
        if is_seed_text(text):
            article = seed.article_from_seed_text(text, path, options, encoding=encoding)
        else:
            article = article_from_text(text, path, options, encoding=encoding)
        set_language(article, where, options)
        yield article
    except InputError as exc:
        yield ReadFailure(exc)
