"""The ``Doc._`` attributes through which Wortlaut's components hand results to each other.

- ``wl_zones``: list of :class:`wortlaut.article.ZoneSpan`, set before the pipeline runs;
  components read only the zones they are meant for.
- ``wl_article_date``: the article's date (ISO), for normalising relative time expressions.
- ``wl_entities``, ``wl_quotes``, ``wl_amounts``, ``wl_times``: contract objects, one list each.
- ``wl_text``: the doc's text, kept once it is known. spaCy's ``doc.text`` joins every token
  again on each access (a Python object per token); read it through :func:`doc_text` instead.
"""

from __future__ import annotations

from spacy.tokens import Doc

for _name in ("wl_zones", "wl_entities", "wl_quotes", "wl_amounts", "wl_times", "wl_text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("wl_article_date"):
    Doc.set_extension("wl_article_date", default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once per doc.

    :func:`wortlaut.extract.make_doc` stores the string it tokenised; a doc made elsewhere (a
    user's own pipeline) gets its text built on the first call and kept. A doc's text cannot
    change after tokenisation (the retokenizer merges and splits tokens, never characters), so
    the kept string stays right.
    """
    text: str | None = doc._.wl_text
    if text is None:
        text = doc.text
        doc._.wl_text = text
    return text


def doc_length(doc: Doc) -> int:
    """``len(doc.text)`` without building the string: where the last token's trailing space ends."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx + len(last.text_with_ws))


def zone_ranges(doc: Doc, zones: frozenset[str]) -> list[tuple[int, int]]:
    """Character ranges of ``doc`` in the given zones; the whole doc when no zones are set."""
    spans = doc._.wl_zones
    if not spans:
        return [(0, doc_length(doc))]
    return [(z.start, z.end) for z in spans if z.zone in zones]


def in_zones(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether the character range lies inside one of ``ranges``."""
    return any(s <= start and end <= e for s, e in ranges)
