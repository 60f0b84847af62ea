"""RSS/Atom feeds from files and URLs; item links followed through a local HTTP server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wortlaut.article import Article
from wortlaut.readers import ReadFailure, ReadOptions, read
from wortlaut.readers.base import DEFAULT_USER_AGENT

PROSE = (
    "Die Gemeinde Talheim hat am Dienstag ihren Haushalt beschlossen. „Wir investieren in Schulen“, "
    "sagte Bürgermeisterin Erika Beispiel. Rund 4,5 Millionen Euro sollen in drei Grundschulen fließen."
)
PAGE = (
    '<html lang="de"><head><title>Haushalt beschlossen</title>'
    '<meta name="author" content="Eva Probe"></head><body><article><h1>Haushalt beschlossen</h1>'
    f"<p>{PROSE}</p><p>Der Kreistag muss den Haushalt noch genehmigen. Die Opposition kündigte Widerstand an.</p>"
    "</article></body></html>"
)


def rss(base: str, *, full: bool) -> str:
    content = (
        f"<content:encoded><![CDATA[<p>{PROSE}</p><h2>Wie es weitergeht</h2><p>Der Kreistag entscheidet im Mai.</p>]]>"
        "</content:encoded>"
        if full
        else ""
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Talheimer Bote</title><link>{base}/</link>
<item><title>Haushalt beschlossen</title><link>{base}/artikel/1</link><dc:creator>Eva Probe</dc:creator>
<pubDate>Tue, 07 May 2024 09:30:00 +0200</pubDate><description>Talheim hat einen Haushalt.</description>{content}</item>
<item><title>Verschwunden</title><link>{base}/fehlt</link><description>Weg.</description></item>
<item><title>Langsam</title><link>{base}/langsam</link><description>Dauert.</description></item>
</channel></rss>"""


class Site:
    """A tiny news site on 127.0.0.1 that records the user agents it sees."""

    def __init__(self) -> None:
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                site.agents.append(self.headers.get("User-Agent", ""))
                if self.path == "/feed.xml":
                    self._send(200, "application/rss+xml", rss(site.base, full=False))
                elif self.path == "/artikel/1":
                    self._send(200, "text/html; charset=utf-8", PAGE)
                elif self.path == "/langsam":
                    time.sleep(1.5)
                    self._send(200, "text/html; charset=utf-8", PAGE)
                else:
                    self._send(404, "text/plain", "nicht gefunden")

            def _send(self, status: int, ctype: str, body: str) -> None:
                data = body.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def test_feed_file_with_full_content_is_read_without_network(tmp_path: Path) -> None:
    path = tmp_path / "bote.xml"
    path.write_text(rss("http://127.0.0.1:9", full=True), encoding="utf-8")
    results = list(read(path, ReadOptions(timeout_s=0.5)))
    first = results[0]
    assert isinstance(first, Article)
    assert first.text.startswith("Die Gemeinde Talheim") and "Wie es weitergeht" in first.text
    assert [t for _, _, t in first.zone_text("section_title")] == ["Wie es weitergeht"]
    assert (first.title, first.source, first.authors) == (
        "Haushalt beschlossen",
        "Talheimer Bote",
        ["Eva Probe"],
    )
    assert first.published == "2024-05-07T09:30:00+02:00"
    assert first.url == "http://127.0.0.1:9/artikel/1"
    # the teaser-only items point to a port nobody listens on: each fails alone, naming its link
    for failure in results[1:]:
        assert isinstance(failure, ReadFailure) and failure.error.code == "W108"
        assert "127.0.0.1:9/" in str(failure.error)


def test_feed_url_items_are_followed_with_our_user_agent_and_timeouts(site: Site) -> None:
    results = list(read(f"{site.base}/feed.xml", ReadOptions(timeout_s=0.5)))
    assert len(results) == 3
    article, missing, slow = results
    assert isinstance(article, Article)
    assert PROSE in article.text
    assert article.title == "Haushalt beschlossen" and article.source == "Talheimer Bote"
    assert article.published == "2024-05-07T09:30:00+02:00"
    assert isinstance(missing, ReadFailure) and "404" in str(missing.error) and "/fehlt" in str(missing.error)
    assert isinstance(slow, ReadFailure) and "no answer within 0.5 s" in str(slow.error)
    assert site.agents and set(site.agents) == {DEFAULT_USER_AGENT}
    assert "Wortlaut" in DEFAULT_USER_AGENT


def test_without_fetching_the_teaser_is_kept_and_marked(site: Site) -> None:
    results = list(read(f"{site.base}/feed.xml", ReadOptions(fetch_links=False)))
    assert all(isinstance(r, Article) for r in results)
    first = results[0]
    assert isinstance(first, Article)
    assert first.text == "Talheim hat einen Haushalt." and "feed summary" in first.meta["text_from"]
    assert len(site.agents) == 1  # only the feed itself


def test_a_page_url_is_read_as_html(site: Site) -> None:
    (article,) = list(read(f"{site.base}/artikel/1"))
    assert isinstance(article, Article) and article.url == f"{site.base}/artikel/1"


def test_not_a_feed_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>kaputt", encoding="utf-8")
    results = list(read(path))
    assert len(results) == 1 and isinstance(results[0], ReadFailure)
    assert "feed" in str(results[0].error)


def test_atom_feed_with_content(tmp_path: Path) -> None:
    path = tmp_path / "bote.atom"
    path.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Talheimer Bote (Atom)</title>
<link href="https://bote.example/"/><id>urn:bote</id><updated>2024-05-07T10:00:00Z</updated>
<entry><title>Haushalt beschlossen</title><link href="https://bote.example/a?utm_source=atom"/>
<id>urn:bote:1</id><updated>2024-05-07T09:30:00+02:00</updated><author><name>Eva Probe</name></author>
<content type="html">&lt;p&gt;{PROSE}&lt;/p&gt;</content></entry></feed>""",
        encoding="utf-8",
    )
    (article,) = list(read(path))
    assert isinstance(article, Article)
    assert article.text == PROSE and article.source == "Talheimer Bote (Atom)"
    assert article.published == "2024-05-07T09:30:00+02:00" and article.authors == ["Eva Probe"]
    assert article.id.startswith("bote.example-")
