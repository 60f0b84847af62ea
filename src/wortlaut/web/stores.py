"""One store connection per worker thread.

FastAPI runs plain ``def`` endpoints in a thread pool, and an SQLite connection belongs to the
thread that opened it. So the app keeps one read-only store per thread, opened on first use, and
opens a separate store for each streamed export (a stream outlives the request's thread slot) and
for each ingest (the only writer).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import SchemaVersionError
from ..store import Store, open_store
from ..store.base import StoreStats

STATS_TTL_S = 30.0


class StorePool:
    """Hands each thread its own read-only store over the same file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []
        self.write_lock = threading.Lock()
        self._stats: tuple[float, StoreStats] | None = None
        # A missing store is an error (NotFoundError, W202), not a new empty file: a typo in
        # --db should not serve an empty archive.
        try:
            open_store(path, read_only=True).close()
        except SchemaVersionError:
            # Written by an older Wortlaut: migrate once, as every CLI command does, so that the
            # read-only connections find the current schema.
            open_store(path).close()

    def stats(self) -> StoreStats:
        """The store's counts, recomputed at most every :data:`STATS_TTL_S` seconds: they are
        shown on every start page, and a few seconds of lag in a count harms nobody."""
        now = time.monotonic()
        cached = self._stats
        if cached is None or now - cached[0] > STATS_TTL_S:
            cached = (now, self.get().stats())
            self._stats = cached
        return cached[1]

    def forget_stats(self) -> None:
        self._stats = None

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path, read_only=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    @contextmanager
    def fresh(self, *, read_only: bool = True) -> Iterator[Store]:
        """A store used by one piece of work only (a stream, an ingest), closed afterwards."""
        store = open_store(self.path, read_only=read_only)
        try:
            yield store
        finally:
            store.close()

    def close_all(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            # A connection owned by another thread may refuse to close; it dies with its thread.
            with contextlib.suppress(Exception):
                store.close()
