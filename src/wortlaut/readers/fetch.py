"""The only module that touches the network: one HTTP GET with a timeout and a clear user agent.

Keeping every request here makes it easy to see (and to test) what Wortlaut sends: a user agent
that names the project, a timeout on connect and read, and a size limit so a huge download cannot
exhaust memory. Failures become :class:`~wortlaut.errors.FetchError` naming the URL.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from ..errors import FetchError
from .base import ReadOptions


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, options: ReadOptions) -> Fetched:
    """GET ``url``; refuse non-HTTP schemes, errors, time-outs and bodies over the size limit."""
    if not is_url(url):
        raise FetchError(f"not an http(s) URL: {url!r}", where=url, hint="pass an http:// or https:// link")
    limit = options.max_chars * 4  # bytes: UTF-8 needs at most 4 per character
    request = urllib.request.Request(
        url, headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xml;q=0.9,*/*;q=0.5"}
    )
    try:
        with urllib.request.urlopen(request, timeout=options.timeout_s) as response:
            data = response.read(limit + 1)
            headers: Message = response.headers
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(
            f"the server answered {exc.code} {exc.reason}", where=url, hint="check the link"
        ) from exc
    except TimeoutError as exc:
        raise FetchError(
            f"no answer within {options.timeout_s:g} s", where=url, hint="try again later or raise --timeout"
        ) from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise FetchError(
                f"no answer within {options.timeout_s:g} s",
                where=url,
                hint="try again later or raise --timeout",
            ) from exc
        raise FetchError(f"cannot fetch: {reason}", where=url, hint="check the link and the network") from exc
    if len(data) > limit:
        raise FetchError(
            f"the download is larger than {limit:,} bytes", where=url, hint="raise the limit with --max-chars"
        )
    return Fetched(
        url=final_url,
        data=data,
        content_type=headers.get_content_type(),
        charset=headers.get_content_charset(),
    )
