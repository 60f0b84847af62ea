"""Stores: where articles and extractions are kept and searched.

``open_store(path)`` returns the default SQLite store; callers use only :class:`~.base.Store`.
"""

from __future__ import annotations

import os
from pathlib import Path

from .base import Store


def default_db_path() -> Path:
    """``$WORTLAUT_DB``, else ``$XDG_DATA_HOME/wortlaut/wortlaut.db`` (``~/.local/share/…``)."""
    env = os.environ.get("WORTLAUT_DB")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "wortlaut" / "wortlaut.db"


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``path``."""
    from .sqlite import SQLiteStore

    return SQLiteStore(Path(path) if path else default_db_path(), read_only=read_only)


__all__ = ["Store", "default_db_path", "open_store"]
