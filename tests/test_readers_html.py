"""HTML pages through trafilatura: title, author, date, main text; pages without an article."""

from __future__ import annotations

from pathlib import Path

from wortlaut.article import Article
from wortlaut.readers import ReadFailure, read

PARAGRAPHS = [
    "Die Stadt Talheim hat am Dienstag ihren neuen Haushalt vorgestellt. Bürgermeisterin Erika "
    "Beispiel sprach von einem schwierigen Jahr für die Gemeinde und ihre Betriebe.",
    "„Wir müssen sparen, aber wir investieren weiter in Schulen“, sagte Beispiel im Rathaus. Rund "
    "4,5 Millionen Euro sollen in die Sanierung von drei Grundschulen fließen.",
    "Der Stadtrat soll im Mai über den Entwurf abstimmen. Die Opposition kündigte Widerstand an.",
]


def page(*, canonical: str | None = "https://www.talheim-bote.example/politik/haushalt-2024") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = (
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
        + "<h2>Abstimmung im Mai</h2>"
        + f"<p>{PARAGRAPHS[2]}</p>"
    )
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Talheim spart | Talheimer Bote</title>'
        '<meta name="author" content="Eva Probe">'
        '<meta property="article:published_time" content="2024-05-07T09:30:00+02:00">'
        f"{link}</head><body><nav><a href='/'>Start</a> <a href='/politik'>Politik</a></nav>"
        f"<article><h1>Talheim spart</h1>{body}</article>"
        "<footer>Impressum · Datenschutz</footer></body></html>"
    )


def test_page_gives_title_author_date_and_main_text_without_navigation(tmp_path: Path) -> None:
    path = tmp_path / "haushalt.html"
    path.write_text(page(), encoding="utf-8")
    (article,) = list(read(path))
    assert isinstance(article, Article)
    assert article.title == "Talheim spart"
    assert article.authors == ["Eva Probe"]
    assert article.published == "2024-05-07T09:30:00+02:00"  # the meta tag's time, not only the day
    assert article.url == "https://www.talheim-bote.example/politik/haushalt-2024"
    assert article.source == "talheim-bote.example"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "Impressum" not in article.text and "Politik" not in article.text.split("\n")[0]
    assert [t for _, _, t in article.zone_text("section_title")] == ["Abstimmung im Mai"]
    assert article.zone_text("header")[0][2] == "Talheim spart"


def test_id_comes_from_the_canonical_url_so_a_saved_copy_matches_the_web_page(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_text(page(), encoding="utf-8")
    (tmp_path / "two.htm").write_text(page(), encoding="utf-8")
    ids = {r.id for r in read(tmp_path) if isinstance(r, Article)}
    assert len(ids) == 1 and next(iter(ids)).startswith("talheim-bote.example-")


def test_xhtml_with_an_encoding_declaration_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.xhtml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page(), encoding="utf-8")
    (article,) = list(read(path))
    assert isinstance(article, Article) and article.title == "Talheim spart"


def test_page_without_url_takes_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "lokal.html"
    path.write_text(page(canonical=None), encoding="utf-8")
    (article,) = list(read(path))
    assert isinstance(article, Article) and article.id == "lokal"


def test_page_without_an_article_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<html><head><title>Start</title></head><body><nav><a href='/a'>A</a></nav></body></html>"
    )
    (result,) = list(read(path))
    assert isinstance(result, ReadFailure)
    assert result.error.code == "W107" and "index.html" in str(result.error)
    assert "no article text" in str(result.error)


def test_html_is_recognised_by_content_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(page(), encoding="utf-8")
    (article,) = list(read(path))
    assert isinstance(article, Article) and article.title == "Talheim spart"
