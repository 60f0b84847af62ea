"""German Wikinews XML dumps: streamed pages, wikitext to text, dates, sections."""

from __future__ import annotations

import bz2
from pathlib import Path

from wortlaut.article import Article
from wortlaut.readers import ReadFailure, read
from wortlaut.readers.wikinews import parse_datum

NS = "http://www.mediawiki.org/xml/export-0.11/"
ARTICLE = """{{Datum|7. Mai 2024}}
'''Talheim (Deutschland), 07.05.2024''' – Die [[w:Talheim|Gemeinde Talheim]] hat ihren Haushalt beschlossen.<ref>Talheimer Bote</ref> [[Datei:Rathaus.jpg|mini|Das Rathaus]]
„Wir investieren in Schulen“, sagte Bürgermeisterin Erika Beispiel. Rund 4,5 Millionen Euro sollen in drei Grundschulen fließen.

== Kritik ==
Die Opposition kündigte Widerstand an. {{Infobox|x=1}}
* Der Kreistag entscheidet im Mai.

== Quellen ==
* {{Quelle|url=https://bote.example|titel=Haushalt}}
[[Kategorie:Talheim]]
[[en:Talheim budget]]"""


def page(pid: int, title: str, text: str, *, ns: int = 0, redirect: bool = False) -> str:
    red = f'<redirect title="{title}2" />' if redirect else ""
    return (
        f"<page><title>{title}</title><ns>{ns}</ns><id>{pid}</id>{red}<revision><id>{pid}00</id>"
        f'<timestamp>2024-05-08T10:00:00Z</timestamp><text xml:space="preserve">{text}</text></revision></page>'
    )


def make_dump(path: Path, *pages: str) -> None:
    xml = f'<mediawiki xmlns="{NS}" xml:lang="de"><siteinfo><sitename>Wikinews</sitename></siteinfo>{"".join(pages)}</mediawiki>'
    path.write_bytes(bz2.compress(xml.encode("utf-8")))


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_articles_are_read_and_other_pages_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "dewikinews-20240601-pages-articles.xml.bz2"
    english = "The town council presented the budget on Tuesday; the mayor said schools come first this year."
    make_dump(
        path,
        page(101, "Talheim beschließt Haushalt", escape(ARTICLE)),
        page(102, "Talheim", "#WEITERLEITUNG [[Talheim beschließt Haushalt]]", redirect=True),
        page(103, "Diskussion:Talheim", "Kommentar", ns=1),
        page(104, "Budget in English", english),
    )
    results = list(read(path))
    article = results[0]
    assert isinstance(article, Article)
    assert article.id == "dewikinews-101"
    assert article.title == "Talheim beschließt Haushalt"
    assert article.url == "https://de.wikinews.org/wiki/Talheim_beschlie%C3%9Ft_Haushalt"
    assert article.published == "2024-05-07" and article.updated == "2024-05-08T10:00:00Z"
    assert article.source == "de.wikinews.org"
    text = article.text
    assert text.startswith(
        "Talheim (Deutschland), 07.05.2024 – Die Gemeinde Talheim hat ihren Haushalt beschlossen."
    )
    assert "„Wir investieren in Schulen“, sagte Bürgermeisterin Erika Beispiel." in text
    for gone in ("Talheimer Bote", "Rathaus", "Infobox", "Quellen", "Kategorie", "bote.example", "budget"):
        assert gone not in text
    assert "Der Kreistag entscheidet im Mai." in text
    assert [t for _, _, t in article.zone_text("section_title")] == ["Kritik"]
    assert all(text[z.start : z.end].strip() == text[z.start : z.end] for z in article.zones)
    assert len(results) == 2 and isinstance(results[1], ReadFailure) and results[1].skipped
    assert "page 104" in results[1].where


def test_plain_xml_dump_is_recognised_by_content(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml"
    make_dump(tmp_path / "x.bz2", page(5, "Talheim", escape(ARTICLE)))
    path.write_bytes(bz2.decompress((tmp_path / "x.bz2").read_bytes()))
    (article,) = list(read(path))
    assert isinstance(article, Article) and article.id == "dewikinews-5"


def test_truncated_dump_keeps_what_was_read_and_reports_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml.bz2"
    full = f'<mediawiki xmlns="{NS}">{page(1, "Talheim", escape(ARTICLE))}<page><title>Kaputt'
    path.write_bytes(bz2.compress(full.encode("utf-8")))
    results = list(read(path))
    assert isinstance(results[0], Article)
    assert isinstance(results[-1], ReadFailure) and "cannot be read further" in str(results[-1].error)


def test_datum_formats() -> None:
    assert parse_datum("16.03.2022") == "2022-03-16"
    assert parse_datum("1. März 2022") == "2022-03-01"
    assert parse_datum("31. Februar 2022") is None
