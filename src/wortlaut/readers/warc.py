"""WARC files (e.g. Common Crawl News): German HTML responses become articles.

Only ``response`` records with status 200 and an HTML content type are looked at; requests,
metadata, images and redirects are passed over silently. A page that holds no article or is not
German is *skipped* with its reason (crawls are full of both), not counted as a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import (
    InputError,
    MalformedRecordError,
    NoArticleFoundError,
    NotGermanError,
    OversizedArticleError,
)
from .base import ReadFailure, ReadOptions, ReadResult
from .detect import decode_declared, set_language
from .html import article_from_html

SOURCE_FORMAT = "WARC response record (HTML, main text by trafilatura)"


def read_warc_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = options.max_chars * 4
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{path} record {number} ({url})"
                status = record.http_headers.get_statuscode()
                content_type = record.http_headers.get_header("Content-Type") or ""
                if status != "200" or "html" not in content_type.lower():
                    continue
                try:
                    data = record.content_stream().read(limit + 1)
                    if len(data) > limit:
                        raise OversizedArticleError(
                            f"the page is larger than {limit:,} bytes",
                            where=where,
                            hint="raise the limit with --max-chars",
                        )
                    charset = None
                    if "charset=" in content_type.lower():
                        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
                    html = decode_declared(data, charset, where)
                    article = article_from_html(html, where=where, options=options, url=url or None)
                    article.source_format = SOURCE_FORMAT
                    set_language(article, where, options)
                    yield article
                except (NoArticleFoundError, NotGermanError) as exc:
                    yield ReadFailure(exc, skip=True)
                except InputError as exc:
                    yield ReadFailure(exc)
    except ArchiveLoadFailed as exc:
        yield ReadFailure(
            MalformedRecordError(
                f"not a readable WARC file ({exc})", where=str(path), hint="pass a .warc or .warc.gz file"
            )
        )
