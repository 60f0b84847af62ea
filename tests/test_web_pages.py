"""The HTML pages in-process: what a reader sees, escaped, in German, with working links."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from test_web_corpus import build_store
from wortlaut.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("pages") / "w.db")
    with TestClient(create_app(db)) as c:
        yield c


def test_start_page_shows_what_is_new_and_the_archive_size(client: TestClient) -> None:
    html = client.get("/").text
    assert "Neueste Artikel" in html and "Neueste Zitate" in html
    assert '<option value="all" selected>' in html  # a search from here still covers quotes
    assert html.index("Titel &lt;script&gt;") < html.index("Bündnis rüstet auf")  # newest first
    assert re.search(r"Artikel <span class=\"n\">28</span>", html)


def test_search_highlights_escapes_and_pages(client: TestClient) -> None:
    first = client.get("/suche", params={"q": "Flugverbotszone", "art": "articles"}).text
    assert "<mark>Flugverbotszone</mark>" in first
    assert "Seite 1 von 2" in first and 'rel="next"' in first
    assert "<script>" not in first.split("</head>")[1]
    second = client.get("/suche", params={"q": "Flugverbotszone", "art": "articles", "seite": 2}).text
    assert "Seite 2 von 2" in second


def test_search_by_speaker_shows_their_quotes_and_a_removable_filter(client: TestClient) -> None:
    html = client.get("/suche", params={"sprecher": "Jens Stoltenberg", "art": "quotes"}).text
    assert html.count('class="hit hit-quote"') == 2
    assert "Sprecher: Jens Stoltenberg" in html and 'class="chip"' in html


def test_a_name_in_the_search_box_offers_the_person(client: TestClient) -> None:
    html = client.get("/suche", params={"q": "Stoltenberg"}).text
    assert re.search(r'class="named-name" href="/entitaet/[^"]+">Jens Stoltenberg</a>', html)


def test_bad_query_on_a_page_is_a_400_page_with_the_message(client: TestClient) -> None:
    r = client.get("/suche", params={"q": '"offen'})
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
    assert "Ungültige Anfrage" in r.text and "W203" in r.text


def test_article_page_shows_metadata_highlights_and_versions(client: TestClient) -> None:
    html = client.get("/artikel/nato-1").text
    assert '<p class="topline">NATO-Verteidigungsminister</p>' in html
    assert "<h1>Aufrüstung statt Einmischung</h1>" in html
    assert "Stand: 16.03.2022, 03:36 Uhr" in html
    assert "Von Helga Schmidt, ARD-Studio Brüssel" in html
    assert (
        'href="https://www.tagesschau.de/ausland/nato-beispiel-101.html" rel="noopener noreferrer nofollow"'
        in html
    )
    assert 'title="Sprecher: Jens Stoltenberg · Verb: sagte · Typ: direkt"' in html
    assert re.search(r'<a class="ent ent-PER who spk-0" href="/entitaet/[^"]+"', html)
    assert '<span class="amt"' in html
    assert "<strong>Version 1</strong>" in html


def test_article_text_with_script_shows_as_text(client: TestClient) -> None:
    html = client.get("/artikel/hostile-3").text
    body = html.split("</head>")[1]
    assert "<script>" not in body and "<b>Muster</b>" not in body
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in body
    assert "Max &lt;b&gt;Muster&lt;/b&gt;" in body


def test_unknown_article_is_a_404_page(client: TestClient) -> None:
    r = client.get("/artikel/gibt-es-nicht")
    assert r.status_code == 404 and "Nicht gefunden" in r.text


def test_entity_page_by_name_redirects_to_its_id_and_shows_quotes_roles_places(client: TestClient) -> None:
    r = client.get("/entitaet/Jens Stoltenberg", follow_redirects=False)
    assert r.status_code == 303
    html = client.get(r.headers["location"]).text
    assert "<h1>Jens Stoltenberg</h1>" in html
    assert html.count('class="quote-row"') == 2
    assert "NATO-Generalsekretär" in html
    place = client.get("/entitaet/Brüssel").text
    assert "50.8505, 4.3488" in place


def test_attention_page_draws_one_line_per_query(client: TestClient) -> None:
    html = client.get("/aufmerksamkeit", params=[("q", "Flugverbotszone"), ("q", "Ausbildung")]).text
    assert html.count('<g class="series') == 2
    assert "28 Artikel" in html


def test_quote_page_shows_the_word_differences(client: TestClient) -> None:
    article = client.get("/artikel/nato-1").text
    link = re.search(r'href="(/zitat/\d+\?artikel=nato-1)"', article)
    assert link
    html = client.get(link.group(1)).text
    assert "<del>selbst</del>" in html and "Bündnis rüstet auf" in html


def test_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ("/", "/artikel/nato-1", "/aufmerksamkeit", "/docs", "/entitaeten"):
        html = client.get(path).text
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html), path
        assert "<script>" not in html and "style=" not in html, path
    assert client.get("/static/wortlaut.css").status_code == 200


def test_article_versions_are_listed_and_an_older_one_can_be_read(client: TestClient) -> None:
    latest = client.get("/artikel/echo-2").text
    assert "Korrektur: Die Sitzung dauerte länger." in latest
    assert "<strong>Version 2</strong>" in latest and 'href="/artikel/echo-2?version=1"' in latest
    older = client.get("/artikel/echo-2", params={"version": 1}).text
    assert "Korrektur" not in older and "<strong>Version 1</strong>" in older


def test_attention_for_a_person_can_be_taken_out_again(client: TestClient) -> None:
    html = client.get(
        "/aufmerksamkeit", params=[("q", "Flugverbotszone"), ("entitaet", "Jens Stoltenberg")]
    ).text
    assert html.count('<g class="series') == 2
    chip = re.search(r'<a class="chip" href="([^"]+)"[^>]*>Jens Stoltenberg', html)
    assert chip and "entitaet" not in chip.group(1) and "q=Flugverbotszone" in chip.group(1)
    assert client.get("/aufmerksamkeit", params={"entitaet": "Niemand Bekanntes"}).status_code == 404
