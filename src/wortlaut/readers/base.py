"""What every reader yields: an article, or a failure that names where it happened.

Readers never raise for one bad record: they yield a :class:`ReadFailure` and go on, so one broken
article does not stop a batch. They raise only when the whole input cannot be opened at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article import Article
from ..errors import InputError

#: Articles longer than this many characters are refused unless the user raises the limit.
DEFAULT_MAX_CHARS = 2_000_000


@dataclass
class ReadOptions:
    max_chars: int = DEFAULT_MAX_CHARS
    require_german: bool = True
    fetch_links: bool = True
    timeout_s: float = 10.0
    user_agent: str = "Wortlaut/0.1 (+https://github.com/wortlaut; German news quotation research)"


@dataclass
class ReadFailure:
    """One record that could not be read, and why (the error carries code and location)."""

    error: InputError

    @property
    def where(self) -> str:
        return self.error.where or "?"


ReadResult = Article | ReadFailure
