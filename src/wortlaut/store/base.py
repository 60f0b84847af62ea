"""The store interface: everything callers (CLI, web, exports) may ask of a store.

It is deliberately narrow so that a PostgreSQL store can implement it without touching callers.
Implementations: :mod:`wortlaut.store.sqlite` (default). Row types are plain dataclasses so the
web layer can render them and the API can serialise them without knowing the backend.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from ..article import Article
from ..contract import Extraction

Outcome = Literal["added", "updated", "unchanged"]
EXPORT_TABLES: tuple[str, ...] = ("articles", "quotes", "entities", "mentions", "amounts")


def _columns(spec: str) -> tuple[tuple[str, str], ...]:
    """``"name:type name:type"`` → ((name, type), …): a compact way to write a table's columns."""
    return tuple((name, kind) for name, _, kind in (item.partition(":") for item in spec.split()))


#: The columns of each export table with their types (``str``, ``int``, ``float``, ``bool``), in
#: order: every store yields rows with exactly these keys, so exports have a fixed shape.
EXPORT_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": _columns(
        "article_id:str version:int source:str url:str title:str topline:str "
        "headline:str date:str published:str updated:str authors:str bureau:str "
        "content_hash:str ingested_at:str quotes:int text:str"
    ),
    "quotes": _columns(
        "quote_id:int article_id:str version:int date:str source:str type:str medium:str "
        "text:str speaker_text:str speaker_name:str speaker_entity:str cue:str "
        "addressee:str spans:str confidence:float"
    ),
    "entities": _columns(
        "entity_id:str label:str name:str key:str articles:int quotes:int latitude:float "
        "longitude:float geo:str"
    ),
    "mentions": _columns(
        "article_id:str version:int entity_id:str entity_name:str label:str local_id:str "
        "start:int end:int text:str kind:str"
    ),
    "amounts": _columns(
        "article_id:str version:int date:str start:int end:int text:str value:float "
        "low:float high:float unit:str counted:str approximate:bool actor:str origin:str "
        "destination:str location:str"
    ),
}


@dataclass
class SearchQuery:
    """A search over articles and quotes. ``text`` uses the German analyzer: words are stemmed,
    umlauts and ß folded; ``"…"`` is a phrase, ``word*`` a prefix. Empty text lists what is new."""

    text: str = ""
    kind: Literal["all", "articles", "quotes", "amounts"] = "all"
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    source: str | None = None
    speaker: str | None = None  # corpus entity id or canonical name
    entity: str | None = None  # corpus entity id or canonical name
    quote_type: str | None = None
    counted: str | None = None  # amounts: counted noun (base form)
    min_value: float | None = None
    max_value: float | None = None
    limit: int = 20
    offset: int = 0
    #: compute ``SearchResults.facets`` (the CLI turns it off: it shows no facets)
    facets: bool = True


@dataclass
class Snippet:
    """Text with highlighted parts, as segments, so every renderer escapes it its own way."""

    segments: list[tuple[str, bool]]

    def plain(self) -> str:
        return "".join(t for t, _ in self.segments)

    def marked(self, before: str = "[", after: str = "]") -> str:
        return "".join(f"{before}{t}{after}" if hit else t for t, hit in self.segments)


@dataclass
class SearchHit:
    kind: Literal["article", "quote", "amount"]
    article_id: str
    title: str | None
    date: str | None
    source: str | None
    snippet: Snippet
    score: float
    quote_id: int | None = None
    quote_type: str | None = None
    speaker_name: str | None = None
    speaker_entity: str | None = None
    amount: dict[str, Any] | None = None


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: facet name -> how many matches it counted, for facets of a very broad query that count
    #: only that many of its most recently added matches (``total`` is always exact)
    facet_sample: dict[str, int] = field(default_factory=dict)


@dataclass
class ArticleVersion:
    version: int
    content_hash: str
    updated: str | None
    ingested_at: str


@dataclass
class StoredArticle:
    """An article as stored: its latest (or requested) version with what was extracted."""

    article: Article
    extraction: Extraction | None
    version: int
    versions: list[ArticleVersion]
    #: article-level entity id (E0, …) -> corpus entity id, for links to entity pages
    entity_links: dict[str, str] = field(default_factory=dict)


@dataclass
class QuoteRow:
    id: int
    article_id: str
    date: str | None
    title: str | None
    type: str
    text: str
    speaker_text: str | None
    speaker_name: str | None
    speaker_entity: str | None  # corpus entity id
    cue: str | None
    spans: list[tuple[int, int]]
    #: set by :meth:`Store.same_quote`: how close the wording is to the quote asked about (0–1)
    similarity: float | None = None
    source: str | None = None


@dataclass
class EntitySummary:
    id: str  # corpus entity id
    label: str
    name: str
    articles: int
    quotes: int


@dataclass
class EntityProfile:
    """One canonical entity across the corpus, for entity pages and ``wortlaut entity show``."""

    summary: EntitySummary
    aliases: list[tuple[str, int]]  # surface form, count
    roles: list[tuple[str, str | None, str]]  # title, date seen, article id
    quotes: list[QuoteRow]
    articles: list[tuple[str, str | None, str | None]]  # article id, date, title
    about: list[tuple[EntitySummary, int]]  # entities named in this entity's quotes
    geo: dict[str, Any] | None
    merges: list[str]  # why mentions were merged into this entity, in words


@dataclass
class TimelinePoint:
    bucket: str  # ISO date of the day or of the week's Monday
    articles: int
    quotes: int


@dataclass
class StoreStats:
    path: str
    schema_version: int
    articles: int
    versions: int
    quotes: int
    entities: int
    mentions: int
    amounts: int
    sources: list[tuple[str, int]]
    first_date: str | None
    last_date: str | None
    quotes_by_type: dict[str, int] = field(default_factory=dict)


class Store(Protocol):
    """What a store offers. All writes go through :meth:`ingest_batch` (one transaction)."""

    path: str

    def ingest_batch(self, items: Sequence[tuple[Article, Extraction | None]]) -> list[Outcome]:
        """Store articles (and their extractions) in one transaction; returns one outcome each.

        The same source id and content hash again is ``unchanged``; the same id with other text
        is a new version (``updated``)."""
        ...

    def known(self, article_id: str, content_hash: str) -> bool:
        """Whether this exact version is stored (lets a re-run skip extraction)."""
        ...

    def get_article(self, article_id: str, version: int | None = None) -> StoredArticle | None: ...

    def search(self, query: SearchQuery) -> SearchResults: ...

    def quotes(
        self, *, speaker: str | None = None, article_id: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[QuoteRow]: ...

    def same_quote(self, quote_id: int, limit: int = 20) -> list[QuoteRow]:
        """The same quotation as reported in other articles (near-identical wording)."""
        ...

    def entities(
        self, *, label: str | None = None, prefix: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[EntitySummary]: ...

    def find_entity(self, name_or_id: str) -> EntitySummary | None: ...

    def entity_profile(self, entity_id: str) -> EntityProfile | None: ...

    def timeline(
        self, *, text: str | None = None, entity: str | None = None, bucket: Literal["day", "week"] = "day"
    ) -> list[TimelinePoint]: ...

    def stats(self) -> StoreStats: ...

    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Rows of one of :data:`EXPORT_TABLES`, streamed (no caps)."""
        ...

    def close(self) -> None: ...
