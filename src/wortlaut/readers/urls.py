"""Stable article ids from URLs: the same page gives the same id whichever reader met it."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that track the click, not the page.
_TRACKING_PREFIXES = ("utm_", "wt_", "at_")
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref"})


def normalise_url(url: str) -> str:
    """Lower-case host without ``www.``, https, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc.lower()
    netloc = netloc[4:] if netloc.startswith("www.") else netloc
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_NAMES
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


def domain(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def url_id(url: str) -> str:
    """``example.org-3f2a9c1b7d4e5f60``: readable domain, hash of the normalised URL."""
    digest = hashlib.sha1(normalise_url(url).encode("utf-8")).hexdigest()[:16]
    return f"{domain(url) or 'url'}-{digest}"
