"""The ``Doc._`` attributes through which Wortlaut's components hand results to each other.

- ``wl_zones``: list of :class:`wortlaut.article.ZoneSpan`, set before the pipeline runs;
  components read only the zones they are meant for.
- ``wl_article_date``: the article's date (ISO), for normalising relative time expressions.
- ``wl_entities``, ``wl_quotes``, ``wl_amounts``, ``wl_times``: contract objects, one list each.
"""

from __future__ import annotations

from spacy.tokens import Doc

for _name in ("wl_zones", "wl_entities", "wl_quotes", "wl_amounts", "wl_times"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("wl_article_date"):
    Doc.set_extension("wl_article_date", default=None)


def zone_ranges(doc: Doc, zones: frozenset[str]) -> list[tuple[int, int]]:
    """Character ranges of ``doc`` in the given zones; the whole doc when no zones are set."""
    spans = doc._.wl_zones
    if not spans:
        return [(0, len(doc.text))]
    return [(z.start, z.end) for z in spans if z.zone in zones]


def in_zones(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether the character range lies inside one of ``ranges``."""
    return any(s <= start and end <= e for s, e in ranges)
