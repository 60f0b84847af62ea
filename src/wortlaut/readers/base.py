"""What every reader yields: an article, or a failure that names where it happened.

Readers never raise for one bad record: they yield a :class:`ReadFailure` and go on, so one broken
article does not stop a batch. :func:`wortlaut.readers.read` turns even an input that cannot be
opened at all into a failure, so a batch over many inputs always reaches its summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article import Article
from ..errors import InputError, NotGermanError

#: Articles longer than this many characters are refused unless the user raises the limit.
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_USER_AGENT = "Wortlaut/0.1 (German news quotation research; +https://github.com/wortlaut/wortlaut)"


@dataclass
class ReadOptions:
    """How readers behave (the CLI sets every field but the user agent)."""

    max_chars: int = DEFAULT_MAX_CHARS
    #: Skip (with a reason) articles that are confidently not German.
    require_german: bool = True
    #: Follow feed item links that carry no full text (through :mod:`.fetch`).
    fetch_links: bool = True
    timeout_s: float = 10.0
    user_agent: str = DEFAULT_USER_AGENT
    #: The ``source`` of articles whose input names none (instead of the directory name).
    source: str | None = None


@dataclass
class ReadFailure:
    """One record that could not be read, and why (the error carries code and location)."""

    error: InputError
    #: A deliberate skip (a WARC page that is no article, a page in another language), not an error.
    skip: bool = False

    @property
    def where(self) -> str:
        return self.error.where or "?"

    @property
    def skipped(self) -> bool:
        """Skips (not German, no article in a crawl) are reported but do not fail a batch."""
        return self.skip or isinstance(self.error, NotGermanError)


ReadResult = Article | ReadFailure
