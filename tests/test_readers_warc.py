"""WARC files: German HTML responses become articles; everything else is passed over or skipped."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wortlaut.article import Article
from wortlaut.readers import ReadFailure, read

GERMAN = (
    "<html><head><title>Talheim spart</title></head><body><article><h1>Talheim spart</h1>"
    "<p>Die Stadt Talheim hat am Dienstag ihren neuen Haushalt vorgestellt. Bürgermeisterin Erika Beispiel "
    "sprach von einem schwierigen Jahr.</p><p>„Wir müssen sparen, aber wir investieren in Schulen“, sagte "
    "Beispiel. Rund 4,5 Millionen Euro sollen in drei Grundschulen fließen.</p></article></body></html>"
)
ENGLISH = (
    "<html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
    "<p>The town council of Springfield presented its new budget on Tuesday. The mayor spoke of a difficult "
    "year for the town and its businesses.</p><p>We have to save money, but we keep investing in schools, "
    "she said at the town hall on Tuesday evening.</p></article></body></html>"
)


def record(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
    )


def make_warc(path: Path, *, gz: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(
            writer.create_warc_record("https://bote.example/a", "request", payload=BytesIO(b"GET /a"))
        )
        record(writer, "https://bote.example/a", GERMAN.encode("cp1252"), "text/html; charset=windows-1252")
        record(writer, "https://bote.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        record(writer, "https://bote.example/alt", b"moved", "text/html", status="301 Moved Permanently")
        record(writer, "https://news.example/en", ENGLISH.encode(), "text/html; charset=utf-8")
        record(
            writer, "https://bote.example/index", b"<html><body><nav>Start</nav></body></html>", "text/html"
        )


def test_only_german_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    make_warc(path)
    results = list(read(path))
    articles = [r for r in results if isinstance(r, Article)]
    skips = [r for r in results if isinstance(r, ReadFailure)]
    assert len(articles) == 1
    article = articles[0]
    assert article.url == "https://bote.example/a" and article.source == "bote.example"
    assert "„Wir müssen sparen" in article.text  # decoded with the declared charset
    assert (
        article.id.startswith("bote.example-")
        and article.source_format is not None
        and "WARC" in article.source_format
    )
    assert sorted(s.error.code for s in skips) == ["W106", "W107"]
    assert all(s.skipped for s in skips)
    assert any("news.example/en" in s.where for s in skips)


def test_uncompressed_warc_reads_too(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    make_warc(path, gz=False)
    assert sum(isinstance(r, Article) for r in read(path)) == 1


def test_gzip_that_is_not_a_warc_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc.gz"
    path.write_bytes(gzip.compress(b"just some text, no WARC here\n" * 10))
    results = list(read(path))
    assert len(results) == 1 and isinstance(results[0], ReadFailure)
    assert not results[0].skipped and "WARC" in str(results[0].error)
