"""The UI in a real headless Chromium: search a speaker, read an article, follow the speaker.

Runs uvicorn on a free loopback port in a thread over a store the test builds, drives Debian's
``chromium`` with Playwright and saves screenshots to ``artifacts/screenshots/``. Skipped, with the
reason, where ``/usr/bin/chromium`` is missing (``.ci/run`` installs it).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_web_corpus import build_store

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from wortlaut.web.app import LOOPBACK_HOSTS, create_app

    db = build_store(tmp_path_factory.mktemp("browser") / "w.db")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(db, allowed_hosts=LOOPBACK_HOSTS), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    pg = context.new_page()
    pg.set_default_timeout(5000)
    pg.console_errors = []  # CSP violations and script errors land here
    pg.on("console", lambda msg: pg.console_errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_a_speaker_read_the_article_and_follow_the_speaker(base_url: str, page: Any) -> None:
    page.goto(base_url + "/")
    assert page.locator("h1, .count").first.is_visible()
    shot(page, "01-start")

    page.fill(".search-box input[name=q]", "Stoltenberg")
    page.click(".search-box button")
    page.wait_for_url("**/suche?*")
    assert page.locator(".named .named-name").first.inner_text() == "Jens Stoltenberg"
    assert page.locator(".hit mark", has_text="Stoltenberg").count() >= 1
    shot(page, "02-suche-name")
    page.locator(".named a.named-quotes").first.click()
    page.wait_for_url("**sprecher=*")
    hit = page.locator(".hit-quote", has_text="sich selbst").first
    assert hit.locator("a.speaker").inner_text() == "Jens Stoltenberg"
    shot(page, "02-suche-zitate")

    hit.locator("a[href^='/artikel/nato-1']").click()
    page.wait_for_url("**/artikel/nato-1")
    assert page.locator("h1").inner_text() == "Aufrüstung statt Einmischung"
    direct = page.locator(".article-body .q.qt-direct").first
    indirect = page.locator(".article-body .q.qt-indirect").first
    assert "Sprecher: Jens Stoltenberg" in direct.get_attribute("title")
    assert "Typ: direkt" in direct.get_attribute("title")
    assert "Sprecher: Julianne Smith" in indirect.get_attribute("title")
    colour = direct.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded under the CSP
    assert direct.get_attribute("class") != indirect.get_attribute("class")
    direct.hover()
    assert "lit" in direct.get_attribute("class")  # the script ran (no inline script needed)
    assert page.locator(".article-body .amt").inner_text() == "3000 Soldaten"
    assert page.locator(".legend li").count() == 2
    shot(page, "03-artikel")

    page.locator(".legend a", has_text="Jens Stoltenberg").click()
    page.wait_for_url("**/entitaet/**")
    assert page.locator("h1").inner_text() == "Jens Stoltenberg"
    assert page.locator(".quote-row").count() == 2
    assert "NATO-Generalsekretär" in page.locator(".roles").inner_text()
    shot(page, "04-person")
    assert page.console_errors == []


def test_hostile_article_shows_markup_as_text(base_url: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/artikel/hostile-3")
    assert '<script>alert("xss")</script>' in page.locator(".article-body").inner_text()
    assert page.locator(".article-body script, .article-body b").count() == 0
    assert dialogs == []
    shot(page, "05-escaping")


def test_attention_and_quote_comparison_pages(base_url: str, page: Any) -> None:
    page.goto(base_url + "/aufmerksamkeit?q=Flugverbotszone&q=Stoltenberg&raster=week")
    assert page.locator("svg.chart g.series").count() == 2
    assert page.locator(".chart-legend li").count() == 2
    shot(page, "06-aufmerksamkeit")

    page.goto(base_url + "/artikel/nato-1")
    page.locator(".side-quotes a.more").first.click()
    page.wait_for_url("**/zitat/**")
    assert page.locator(".same-quotes li").count() == 1
    assert page.locator(".same-quotes del").first.inner_text() in ("die", "selbst")
    shot(page, "07-zitat")

    page.goto(base_url + "/docs")
    assert page.locator(".endpoint").count() >= 8
    shot(page, "08-api")
    assert page.console_errors == []
