"""Rendering pieces of the web UI that need no server: article marks, word diffs, charts."""

from __future__ import annotations

import re

from test_web_corpus import XSS, hostile_article, nato_article
from wortlaut.store.base import TimelinePoint
from wortlaut.web import markup, svg
from wortlaut.web.diff import similarity, word_diff


def test_quotes_are_coloured_per_speaker_with_speaker_cue_and_type_in_the_title() -> None:
    article, ex = nato_article()
    html = str(markup.article_html(article, ex, {"E0": "c:stoltenberg", "E1": "c:smith"}))
    first = re.search(r'<span class="q spk-(\d) qt-direct" title="([^"]*)"', html)
    second = re.search(r'<span class="q spk-(\d) qt-indirect" title="([^"]*)"', html)
    assert first and second
    assert first.group(1) != second.group(1)
    assert first.group(2) == "Sprecher: Jens Stoltenberg · Verb: sagte · Typ: direkt"
    assert "Sprecher: Julianne Smith" in second.group(2)


def test_entities_link_to_their_pages_and_speakers_take_their_colour() -> None:
    article, ex = nato_article()
    html = str(markup.article_html(article, ex, {"E0": "PER:jens stoltenberg"}))
    assert '<a class="ent ent-PER who spk-0" href="/entitaet/PER%3Ajens%20stoltenberg"' in html
    assert re.search(r'<span class="ent ent-LOC" title="Ort: Brüssel">Brüssel</span>', html)
    assert '<span class="amt" title="Zahl: 3000 · gezählt: Soldat · ungefähr">3000 Soldaten</span>' in html


def test_zones_shape_the_page_and_the_header_line_is_left_out() -> None:
    article, ex = nato_article()
    html = str(markup.article_html(article, ex, {}))
    assert '<p class="lead">' in html and '<p class="byline">' in html
    assert '<h3 class="section">Flugverbotszone ausgeschlossen</h3>' in html
    assert "Stand: 16.03.2022" not in html  # shown as metadata, not as body text


def test_every_character_of_the_text_is_kept_once() -> None:
    article, ex = nato_article()
    html = str(markup.article_html(article, ex, {"E0": "x"}))
    visible = re.sub(r"<[^>]+>", "", html).replace("&#34;", '"').replace("\n", "")
    body = "".join(article.text[z.start : z.end] for z in article.zones if z.zone != "header")
    assert visible == body


def test_markup_in_the_article_is_escaped() -> None:
    article, ex = hostile_article()
    html = str(markup.article_html(article, ex, {}))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert XSS not in html


def test_word_diff_shows_dropped_and_added_words() -> None:
    ref = "Die Ausbildung und die Ausrüstung hilft der Ukraine, sich selbst zu verteidigen"
    other = "Die Ausbildung und Ausrüstung hilft der Ukraine, sich zu verteidigen"
    ops = word_diff(ref, other)
    assert ("del", "die") in ops and ("del", "selbst") in ops
    assert not [op for op, _ in ops if op == "ins"]
    assert " ".join(t for op, t in ops if op != "del") == other
    assert 0.8 < similarity(ref, other) < 1.0
    assert word_diff("a b", "a c") == [("same", "a"), ("del", "b"), ("ins", "c")]


def test_chart_fills_quiet_days_with_zero_and_draws_one_group_per_series() -> None:
    a = svg.Series("Flugverbotszone", [TimelinePoint("2022-03-01", 2, 1), TimelinePoint("2022-03-04", 4, 0)])
    b = svg.Series("NATO", [TimelinePoint("2022-03-02", 1, 3)])
    assert svg.axis([a, b], "day") == ["2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04"]
    html = str(svg.chart([a, b], "day"))
    assert html.count('<g class="series') == 2
    assert html.startswith("<svg") and "style=" not in html  # styled by CSS classes (CSP)
    assert "Flugverbotszone · 2022-03-04: 4 Artikel, 0 Zitate" in html
    assert svg.nice_max(4) == 5 and svg.nice_max(11) == 20 and svg.nice_max(0) == 1


def test_chart_escapes_series_labels() -> None:
    html = str(svg.chart([svg.Series(XSS, [TimelinePoint("2022-03-01", 1, 0)])]))
    assert "<script>" not in html


def test_empty_chart_says_so() -> None:
    assert "Keine Daten" in str(svg.chart([svg.Series("x", [])]))


def test_dates_and_quote_marks_read_german() -> None:
    from wortlaut.web.app import de_date, quoted

    assert de_date("2022-03") == "März 2022"
    assert de_date("2022-03-16T03:36:00+01:00", True) == "16.03.2022, 03:36 Uhr"
    assert de_date("nicht datiert") == "nicht datiert"
    assert quoted("Wir helfen") == "„Wir helfen“"
    assert quoted('"Wir helfen"') == '"Wir helfen"'  # keeps the article's own marks
    assert quoted("man helfe", "indirect") == "man helfe"
