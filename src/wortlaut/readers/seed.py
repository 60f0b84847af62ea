"""The seed's plain-text format: a header line, then the article as paragraphs.

``date 2022-03 NATO-Verteidigungsminister Aufrüstung statt Einmischung Stand: 16.03.2022 03:36 Uhr``
carries the month, the raw title (topline and headline run together) and the "Stand" time in
Berlin local time. The first prose paragraph after it is the lead; the rest is zoned by
:func:`wortlaut.readers.text.analyse`.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..article import Article, ZoneSpan
from ..errors import MalformedRecordError
from .base import ReadOptions
from .text import analyse, check_size

SOURCE_FORMAT = "seed plain text: 'date YYYY-MM <topline> <headline> Stand: DD.MM.YYYY HH:MM Uhr' header line, then paragraphs"
BERLIN = ZoneInfo("Europe/Berlin")

_HEADER = re.compile(
    r"date (?P<date>\d{4}-\d{2}) (?P<title>.+?) Stand: "
    r"(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{4}) (?P<hour>\d{2}):(?P<minute>\d{2}) Uhr"
)
#: Lower-case words that may sit inside a topline ("Krieg gegen die Ukraine").
_JOINERS = frozenset(
    {
        "in",
        "im",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "für",
        "gegen",
        "über",
        "um",
        "unter",
        "vor",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "und",
        "oder",
        "ein",
        "eine",
        "einer",
        "eines",
        "seit",
        "wegen",
    }
)


def berlin_iso(year: int, month: int, day: int, hour: int, minute: int) -> str:
    """Berlin wall-clock time as ISO 8601 with its offset (+01:00 in winter, +02:00 in summer)."""
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).isoformat()


def split_title(title: str) -> tuple[str | None, str]:
    """Split the run-together title into (topline, headline), best effort.

    A topline is a short label (``NATO-Verteidigungsminister``, ``Krieg gegen die Ukraine``);
    the headline starts where a capitalised word follows a capitalised word that ends the
    label — German headlines rarely begin with a lower-case word. Titles with a colon
    (``Liveblog: …``) split there. When no split is found, the whole title is the headline.
    """
    title = title.strip()
    if ": " in title:
        head, _, rest = title.partition(": ")
        if 0 < len(head.split()) <= 4:
            return head, rest
    words = title.split()
    for i in range(len(words) - 1):
        here, following = words[i], words[i + 1]
        if i >= 4:
            break
        if here.lower() in _JOINERS or not here[:1].isupper():
            continue
        starts_headline = following[:1].isupper() or following[:1].isdigit() or following[:1] in '„"»'
        if starts_headline and len(words) - (i + 1) >= 2:
            return " ".join(words[: i + 1]), " ".join(words[i + 1 :])
    return None, title


def article_from_seed_text(
    text: str, path: Path, options: ReadOptions, *, encoding: str = "utf_8"
) -> Article:
    """Read the header, then zone the rest; the file stem is the article id."""
    where = str(path)
    check_size(text, where, options)
    first_line_end = text.find("\n")
    if first_line_end == -1:
        first_line_end = len(text)
    match = _HEADER.search(text, 0, first_line_end)
    if not match:
        raise MalformedRecordError(
            "the seed header line is not 'date YYYY-MM <title> Stand: DD.MM.YYYY HH:MM Uhr'",
            where=f"{where}:1",
            hint="fix the first line, or remove it to read the file as plain text",
        )
    try:
        updated = berlin_iso(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
        )
    except ValueError as exc:
        raise MalformedRecordError(
            f"the 'Stand' time in the header is not a real date ({exc})", where=f"{where}:1"
        ) from exc
    title = match["title"].strip()
    topline, headline = split_title(title)
    structure = analyse(text, first_line_end, first_prose_is_lead=True)
    header_end = len(text[:first_line_end].rstrip())
    zones = [ZoneSpan(match.start(), header_end, "header"), *structure.zones]
    return Article(
        id=path.stem,
        text=text,
        source=options.source or path.parent.name or None,
        title=title,
        topline=topline,
        headline=headline,
        date=match["date"],
        updated=updated,
        authors=structure.authors,
        bureau=structure.bureau,
        source_format=SOURCE_FORMAT,
        zones=zones,
        meta={"encoding": encoding} if encoding != "utf_8" else {},
    )
