"""The pure core: ``extract(article) -> Extraction``. No I/O happens here.

The pipeline sees the article's text with the header line blanked out (same length, so every
offset still points into ``article.text``); each component then reads only the zones it is
meant for (see :mod:`wortlaut.article`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .article import NAME_ZONES, Article
from .contract import Extraction
from .nlp.pipeline import shared_pipeline


def visible_text(article: Article) -> str:
    """``article.text`` with everything outside the name zones replaced by spaces."""
    if not article.zones:
        return article.text
    chars = list(article.text)
    keep = [False] * len(chars)
    for z in article.zones:
        if z.zone in NAME_ZONES:
            for i in range(z.start, z.end):
                keep[i] = True
    for i, ch in enumerate(chars):
        if not keep[i] and not ch.isspace():
            chars[i] = " "
    return "".join(chars)


def article_date(article: Article) -> str | None:
    """The best date the article has (ISO), for normalising relative time expressions."""
    for value in (article.published, article.updated, article.date):
        if value:
            return value[:10]
    return None


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(visible_text(article))
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
    buffered: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            buffered.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        article = buffered.pop(0)
        yield article, to_extraction(article, doc)
