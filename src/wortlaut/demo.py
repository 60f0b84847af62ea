"""``wortlaut demo``: build a store from the package's sample articles and show what it holds.

The samples (``wortlaut/samples/``) are short fictional news texts in every format the readers
take, so the demo runs on a fresh install with nothing else present. The demo store is rebuilt
from scratch each run; to protect real data it refuses to replace a store holding articles from
any other source.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from .errors import StoreError
from .ingest import IngestSummary, ingest
from .readers import ReadOptions, read
from .readers.base import ReadFailure
from .store import Store, default_db_path, open_store

#: The ``source`` of sample texts that do not name one themselves (the seed-style .txt files).
SAMPLE_SOURCE = "wortlaut-samples"
SHOWN = 8


def demo_db_path() -> Path:
    """``demo.db`` beside the default store, so the demo never touches the real one."""
    return default_db_path().with_name("demo.db")


@contextmanager
def sample_dir() -> Iterator[Path]:
    """The packaged samples as a real directory (also when installed as a zip)."""
    with resources.as_file(resources.files("wortlaut").joinpath("samples")) as path:
        yield Path(path)


def sample_options() -> ReadOptions:
    """Offline: the sample feed carries its full text, so no link is followed."""
    return ReadOptions(fetch_links=False, source=SAMPLE_SOURCE)


def sample_sources(samples: Path) -> set[str]:
    return {r.source or "(none)" for r in read(samples, sample_options()) if not isinstance(r, ReadFailure)}


def _remove_store(path: Path, allowed_sources: set[str]) -> None:
    """Delete an earlier demo store — but only if it holds nothing but sample articles."""
    if path.exists():
        store = open_store(path, read_only=True)
        try:
            foreign = sorted(s for s, _ in store.stats().sources if s not in allowed_sources)
        finally:
            store.close()
        if foreign:
            raise StoreError(
                f"this store holds articles from other sources ({', '.join(foreign[:3])}), "
                "so the demo will not replace it",
                where=str(path),
                hint="choose another file with wortlaut demo --db PATH",
            )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_demo(path: Path) -> tuple[Store, IngestSummary]:
    """Rebuild the demo store at ``path`` from the samples, with extraction."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sample_dir() as samples:
        _remove_store(path, sample_sources(samples))
        store = open_store(path)
        summary = ingest([samples], store, extract=True, options=sample_options(), progress=False)
    return store, summary


def describe(store: Store, summary: IngestSummary) -> str:
    """What the demo store holds, and what to try next, as plain text."""
    stats = store.stats()
    lines = [
        f"Wortlaut demo store: {stats.path}",
        "(rebuilt from the package's sample articles: fictional people and places)",
        "",
        summary.render(),
        "",
        f"{stats.articles} articles ({stats.versions} versions), {stats.quotes} quotes, "
        f"{stats.entities} entities, {stats.mentions} mentions, {stats.amounts} amounts",
        f"dates: {stats.first_date or '?'} … {stats.last_date or '?'}",
        "sources: " + ", ".join(f"{s} ({n})" for s, n in stats.sources),
    ]
    if stats.quotes_by_type:
        lines.append("quote types: " + ", ".join(f"{t} {n}" for t, n in sorted(stats.quotes_by_type.items())))

    quotes = store.quotes(limit=SHOWN)
    lines += ["", "Quotes (speaker — type — text):"]
    lines += [
        f"  {q.speaker_name or q.speaker_text or '(unknown)'} — {q.type} — {_short(q.text)}  [{q.article_id}]"
        for q in quotes
    ] or ["  (none found: the quotation extractor finds none yet)"]
    if stats.quotes > len(quotes):
        lines.append(f"  … and {stats.quotes - len(quotes)} more")

    entities = store.entities(limit=SHOWN)
    lines += ["", "Top entities (label, articles, quotes):"]
    lines += [f"  {e.name} ({e.label}, {e.articles} articles, {e.quotes} quotes)" for e in entities] or [
        "  (none found: the entity extractor finds none yet)"
    ]

    amounts = []
    for row in store.export_rows("amounts"):
        amounts.append(row)
        if len(amounts) >= SHOWN:
            break
    lines += ["", "Amounts:"]
    lines += [
        f"  {a.get('text')}"
        + (f" = {_number(a['value'])}" if isinstance(a.get("value"), int | float) else "")
        + (f" {a['counted']}" if a.get("counted") else "")
        + f"  [{a.get('article_id')}]"
        for a in amounts
    ] or ["  (none found: the amount extractor finds none yet)"]

    db = shlex.quote(stats.path)
    example_id = _first_article_id(store)
    lines += [
        "",
        "Try next:",
        f"  wortlaut --db {db} search 'Deich*'",
        f"  wortlaut --db {db} search '\"Hochwasser\"' --from 2025-03-01 --to 2025-03-31",
        f"  wortlaut --db {db} show {shlex.quote(example_id) if example_id else '<article-id>'}",
        f"  wortlaut --db {db} stats",
        f"  wortlaut --db {db} serve",
    ]
    return "\n".join(lines)


def _first_article_id(store: Store) -> str | None:
    for row in store.export_rows("articles"):
        return str(row.get("article_id"))
    return None


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run_demo(path: Path) -> str:
    store, summary = build_demo(path)
    try:
        return describe(store, summary)
    finally:
        store.close()
