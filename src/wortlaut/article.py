"""The article model that every reader produces and every extractor reads.

An :class:`Article` keeps the text exactly as it came in (all offsets in Wortlaut point into it)
and marks which parts of that text are *zones*: header, lead, byline, section titles, body
paragraphs, boilerplate. Extractors decide per zone what to read: quotations come only from the
lead, section titles and body; names are also found in bylines.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Zone = Literal["header", "lead", "byline", "section_title", "body", "boilerplate"]

#: Zones whose text is news prose (quotations, amounts and time expressions are looked for here).
PROSE_ZONES: frozenset[str] = frozenset({"lead", "section_title", "body"})
#: Zones in which names are looked for (bylines and boilerplate name authors and bureaus).
NAME_ZONES: frozenset[str] = PROSE_ZONES | {"byline", "boilerplate"}


@dataclass(frozen=True)
class ZoneSpan:
    """A character range of ``Article.text`` with the role it plays in the article."""

    start: int
    end: int
    zone: Zone


@dataclass
class Article:
    """One news article as read from its source, before any extraction.

    ``id`` is stable for the same article from the same source: readers derive it from the
    source's own id (JSONL ``id``, file name, URL) so that re-ingesting finds it again.
    """

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    topline: str | None = None
    headline: str | None = None
    date: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    bureau: str | None = None
    language: str | None = None
    source_format: str | None = None
    zones: list[ZoneSpan] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def content_hash(self) -> str:
        """Hash of the text: the same text from the same source is the same version."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def zone_text(self, zone: Zone) -> list[tuple[int, int, str]]:
        """All (start, end, text) of one zone, in reading order."""
        return [(z.start, z.end, self.text[z.start : z.end]) for z in self.zones if z.zone == zone]

    def spans_in(self, zones: frozenset[str]) -> list[tuple[int, int]]:
        """Character ranges in the given zones; the whole text when no zones were recorded."""
        if not self.zones:
            return [(0, len(self.text))]
        return [(z.start, z.end) for z in self.zones if z.zone in zones]

    def metadata(self) -> dict[str, Any]:
        """The contract's ``article`` block: what the reader recovered besides the text."""
        lead = self.zone_text("lead")
        block: dict[str, Any] = {
            "source_format": self.source_format,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "date": self.date,
            "published": self.published,
            "updated": self.updated,
            "topline": self.topline,
            "headline": self.headline,
            "authors": list(self.authors),
            "bureau": self.bureau,
            "language": self.language,
            "lead": (
                {"spans": [[s, e] for s, e, _ in lead], "text": " ".join(t for _, _, t in lead)}
                if lead
                else None
            ),
            "section_titles": [t for _, _, t in self.zone_text("section_title")],
            "boilerplate": [{"spans": [[s, e]], "text": t} for s, e, t in self.zone_text("boilerplate")],
        }
        if self.meta:
            block["meta"] = dict(self.meta)
        return block

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["zones"] = [[z.start, z.end, z.zone] for z in self.zones]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        zones = [ZoneSpan(int(s), int(e), z) for s, e, z in data.pop("zones", [])]
        return cls(zones=zones, **data)
