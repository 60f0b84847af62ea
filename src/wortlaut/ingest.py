"""Ingest: read inputs, extract, store — in transactional batches, one bad article never stopping it.

The flow per article: a reader yields it (or a failure); if the store already holds this exact
version (``Store.known``) nothing more is done; otherwise it is extracted (``extract_many``, with
a per-article fallback so one article that makes extraction raise fails alone) and handed to the
store in batches, each ``Store.ingest_batch`` call being one transaction. A kill at any moment
therefore loses at most the batch in flight, and re-running the same command completes the rest
without duplicates (the versions stored before the kill are ``known`` and count as unchanged).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article
from .errors import ExtractionError, StoreError, WortlautError
from .readers import ReadFailure, ReadOptions, ReadResult, read

if TYPE_CHECKING:
    from spacy.language import Language

    from .contract import Extraction
    from .store.base import Store

DEFAULT_BATCH_SIZE = 64
#: How many locations a summary lists per error code before it says "and N more".
SHOWN_PER_CODE = 10


@dataclass
class Problem:
    """One failed or skipped record: its error code, where it was, and the full message."""

    code: str
    where: str
    message: str
    skipped: bool = False

    @classmethod
    def from_error(cls, error: WortlautError, *, skipped: bool = False) -> Problem:
        return cls(code=error.code, where=error.where or "?", message=str(error), skipped=skipped)


@dataclass
class RunSummary:
    """Counts and problems of a run over many inputs (shared by ingest and extract)."""

    read: int = 0
    skipped: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No failures (skips, such as non-German articles, are not failures)."""
        return self.failed == 0

    def note(self, error: WortlautError, *, skipped: bool = False) -> None:
        self.problems.append(Problem.from_error(error, skipped=skipped))
        if skipped:
            self.skipped += 1
        else:
            self.failed += 1

    def reasons(self, *, skipped: bool = False) -> dict[str, list[Problem]]:
        """Problems grouped by error code, in order of first appearance."""
        groups: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            if problem.skipped == skipped:
                groups[problem.code].append(problem)
        return dict(groups)

    def counts_line(self) -> str:
        raise NotImplementedError

    def render(self) -> str:
        """The summary as a user reads it: one counts line, then reasons grouped by code."""
        lines = [self.counts_line()]
        for title, skipped in (("failed", False), ("skipped", True)):
            groups = self.reasons(skipped=skipped)
            if not groups:
                continue
            lines.append(f"{title}:")
            for code, problems in groups.items():
                lines.append(f"  {code} ({len(problems)}):")
                lines.extend(f"    {p.message}" for p in problems[:SHOWN_PER_CODE])
                if len(problems) > SHOWN_PER_CODE:
                    lines.append(f"    … and {len(problems) - SHOWN_PER_CODE} more")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "problems"}
        data["problems"] = [p.__dict__ for p in self.problems]
        return data


@dataclass
class IngestSummary(RunSummary):
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def counts_line(self) -> str:
        return (
            f"read {_articles(self.read)}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped, {self.failed} failed"
        )


@dataclass
class ExtractSummary(RunSummary):
    written: int = 0

    def counts_line(self) -> str:
        return f"read {_articles(self.read)}: {self.written} written, {self.skipped} skipped, {self.failed} failed"


def _articles(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def read_all(sources: Iterable[str | Path], options: ReadOptions) -> Iterator[ReadResult]:
    for source in sources:
        yield from read(source, options)


def read_articles(
    sources: Iterable[str | Path], options: ReadOptions, summary: RunSummary, bar: Any
) -> Iterator[Article]:
    """The articles of ``sources``; read failures go into ``summary`` and the bar counts all."""
    for result in read_all(sources, options):
        bar.update(1)
        if isinstance(result, ReadFailure):
            summary.note(result.error, skipped=result.skipped)
            continue
        summary.read += 1
        yield result


def extract_safely(
    articles: list[Article], nlp: Language
) -> list[tuple[Article, Extraction | None, ExtractionError | None]]:
    """Extract a batch fast with ``extract_many``; if it raises, redo the rest one by one so only
    the article that raises fails (``nlp.pipe`` cannot say which document broke it)."""
    from .extract import extract, extract_many

    results: list[tuple[Article, Extraction | None, ExtractionError | None]] = []
    try:
        for article, extraction in extract_many(articles, nlp=nlp, batch_size=max(1, len(articles))):
            results.append((article, extraction, None))
    except Exception:  # any bug in any component: isolate it below
        for article in articles[len(results) :]:
            try:
                results.append((article, extract(article, nlp), None))
            except Exception as exc:
                error = ExtractionError(
                    f"extraction failed: {type(exc).__name__}: {exc}",
                    where=f"article {article.id!r}",
                    hint="the article was not stored; please report it with the article",
                )
                results.append((article, None, error))
    return results


def _progress(enabled: bool, desc: str) -> Any:
    """A tqdm bar on stderr, only when asked for and stderr is a terminal."""
    from tqdm import tqdm

    return tqdm(
        desc=desc,
        unit=" articles",
        file=sys.stderr,
        disable=not (enabled and sys.stderr.isatty()),
        leave=False,
    )


def _load_pipeline(extract: bool, model: str | None, nlp: Language | None) -> Language | None:
    if not extract:
        return None
    if nlp is not None:
        return nlp
    from .nlp.pipeline import shared_pipeline

    return shared_pipeline(model)


def _store_batch(
    store: Store, items: list[tuple[Article, Extraction | None]], summary: IngestSummary
) -> None:
    """One transaction for the batch; if the store refuses it, retry item by item so one
    article the store cannot take does not lose the others."""
    if not items:
        return
    try:
        outcomes = store.ingest_batch(items)
    except Exception:
        outcomes = []
        for item in items:
            try:
                outcomes.extend(store.ingest_batch([item]))
            except Exception as exc:
                error = exc if isinstance(exc, WortlautError) else StoreError(f"{type(exc).__name__}: {exc}")
                error.where = error.where or f"article {item[0].id!r}"
                summary.note(error)
    for outcome in outcomes:
        setattr(summary, outcome, getattr(summary, outcome) + 1)


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    *,
    extract: bool = True,
    model: str | None = None,
    options: ReadOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = True,
    nlp: Language | None = None,
    extract_stored: bool = False,
) -> IngestSummary:
    """Read every source into the store; return what happened to each article.

    ``nlp`` lets library users pass their own spaCy pipeline (it must contain Wortlaut's
    components); otherwise ``model`` picks the pipeline as ``wortlaut ingest --model`` does.
    Versions the store already holds are skipped unless ``extract_stored`` (then they are
    extracted and handed to the store, which attaches the extraction where it had none, e.g.
    after an ingest with ``--no-extract``).
    """
    options = options or ReadOptions()
    pipeline = _load_pipeline(extract, model, nlp)
    summary = IngestSummary()
    pending: list[Article] = []
    pending_keys: set[tuple[str, str]] = set()

    def flush() -> None:
        if not pending:
            return
        items: list[tuple[Article, Extraction | None]]
        if pipeline is None:
            items = [(a, None) for a in pending]
        else:
            items = []
            for article, extraction, error in extract_safely(pending, pipeline):
                if error is not None:
                    summary.note(error)
                else:
                    items.append((article, extraction))
        _store_batch(store, items, summary)
        pending.clear()
        pending_keys.clear()

    with _progress(progress, "ingest") as bar:
        for result in read_articles(sources, options, summary, bar):
            key = (result.id, result.content_hash())
            if key in pending_keys or (not (extract_stored and pipeline is not None) and store.known(*key)):
                summary.unchanged += 1
                continue
            pending.append(result)
            pending_keys.add(key)
            if len(pending) >= batch_size:
                flush()
                bar.set_postfix(added=summary.added, updated=summary.updated, failed=summary.failed)
        flush()
    return summary


def extract_to(
    sources: Iterable[str | Path],
    write: Callable[[dict[str, Any]], None],
    *,
    model: str | None = None,
    options: ReadOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = True,
    nlp: Language | None = None,
) -> ExtractSummary:
    """Extract every article of ``sources`` and hand each contract-v1 object to ``write``."""
    options = options or ReadOptions()
    pipeline = _load_pipeline(True, model, nlp)
    assert pipeline is not None
    summary = ExtractSummary()
    pending: list[Article] = []

    def flush() -> None:
        for _article, extraction, error in extract_safely(pending, pipeline):
            if error is not None:
                summary.note(error)
            elif extraction is not None:
                write(extraction.to_dict())
                summary.written += 1
        pending.clear()

    with _progress(progress, "extract") as bar:
        for result in read_articles(sources, options, summary, bar):
            pending.append(result)
            if len(pending) >= batch_size:
                flush()
        flush()
    return summary
