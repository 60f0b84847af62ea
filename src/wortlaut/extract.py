"""The pure core: ``extract(article) -> Extraction``. No I/O happens here.

The pipeline sees the article's text with the header line blanked out (same length, so every
offset still points into ``article.text``); each component then reads only the zones it is
meant for (see :mod:`wortlaut.article`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .article import NAME_ZONES, Article
from .contract import Extraction
from .nlp.pipeline import shared_pipeline

#: A character that is not white space (``\S`` and ``str.isspace`` agree on every code point).
_NOT_SPACE = re.compile(r"\S")


def kept_ranges(article: Article) -> list[tuple[int, int]]:
    """The name zones of ``article`` as sorted, non-overlapping character ranges."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((z.start, z.end) for z in article.zones if z.zone in NAME_ZONES):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def visible_text(article: Article) -> str:
    """``article.text`` with everything outside the name zones replaced by spaces.

    White space stays as it is, so line breaks (paragraphs) and every offset survive. Works
    slice by slice (one regex substitution per hidden stretch), not character by character.
    """
    if not article.zones:
        return article.text
    text = article.text
    parts: list[str] = []
    pos = 0
    for start, end in kept_ranges(article):
        if start > pos:
            parts.append(_NOT_SPACE.sub(" ", text[pos:start]))
        parts.append(text[start:end])
        pos = end
    parts.append(_NOT_SPACE.sub(" ", text[pos:]))
    return "".join(parts)


def article_date(article: Article) -> str | None:
    """The best date the article has (ISO), for normalising relative time expressions."""
    for value in (article.published, article.updated, article.date):
        if value:
            return value[:10]
    return None


def make_doc(nlp: Language, article: Article) -> Doc:
    """The tokenised doc of ``article``, with its zones, date and text set for the components."""
    text = visible_text(article)
    doc = nlp.make_doc(text)
    doc._.wl_text = text  # spaCy keeps the text exactly; spares every component a rebuild
    doc._.wl_zones = list(article.zones)
    doc._.wl_article_date = article_date(article)
    return doc


def to_extraction(article: Article, doc: Doc) -> Extraction:
    return Extraction(
        id=article.id,
        text=article.text,
        article=article.metadata(),
        quotes=list(doc._.wl_quotes or []),
        entities=list(doc._.wl_entities or []),
        amounts=list(doc._.wl_amounts or []),
        times=list(doc._.wl_times or []),
    )


def extract(article: Article, nlp: Language | None = None) -> Extraction:
    """Find quotations, entities, amounts and time expressions in one article."""
    nlp = nlp or shared_pipeline()
    doc = nlp(make_doc(nlp, article))
    return to_extraction(article, doc)


def extract_many(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[tuple[Article, Extraction]]:
    """Extract a stream of articles, in order, using ``nlp.pipe`` for speed."""
    nlp = nlp or shared_pipeline()
    buffered: deque[Article] = deque()

    def docs() -> Iterator[Doc]:
        for article in articles:
            buffered.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        article = buffered.popleft()
        yield article, to_extraction(article, doc)
