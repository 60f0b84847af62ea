"""``wortlaut demo`` and the packaged sample articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.article import Article
from wortlaut.cli import main
from wortlaut.demo import SAMPLE_SOURCE, sample_dir, sample_options
from wortlaut.readers import read
from wortlaut.store import open_store


@pytest.fixture(scope="module")
def samples() -> list[Article]:
    with sample_dir() as folder:
        results = list(read(folder, sample_options()))
    assert all(isinstance(r, Article) for r in results), [r for r in results if not isinstance(r, Article)]
    return [r for r in results if isinstance(r, Article)]


def test_samples_cover_every_packaged_format_and_are_marked_fictional(samples: list[Article]) -> None:
    assert 5 <= len(samples) <= 6
    formats = {(a.source_format or "").split(" ")[0] for a in samples}
    assert formats == {"seed", "JSON", "HTML", "RSS/Atom"}
    assert any(a.meta.get("encoding") == "cp1252" for a in samples)
    for article in samples:
        marked = "wortlaut-samples" in article.text or "wortlaut-samples" in str(article.meta)
        assert marked, f"{article.id} is not marked as a sample"
        assert article.language == "de"


def test_samples_exercise_zones_quote_styles_and_a_spread_of_dates(samples: list[Article]) -> None:
    zones = {z.zone for a in samples for z in a.zones}
    assert zones == {"header", "lead", "byline", "section_title", "body", "boilerplate"}
    text = "\n".join(a.text for a in samples)
    for mark in ("„", "“", '"', "»", "«"):
        assert mark in text
    for cue in (" so ", "Laut ", " zufolge", "Nach Angaben von", "sagte", "kündigte", " soll ", "sollen"):
        assert cue in text, cue
    days = sorted(date.fromisoformat((a.published or a.updated or "")[:10]) for a in samples)
    assert (days[-1] - days[0]).days >= 21
    assert any(len(a.authors) == 2 for a in samples)


def test_demo_builds_a_fresh_store_and_shows_what_it_holds(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    runner = CliRunner()
    for _ in range(2):  # rebuilt fresh each time: still one version per article
        result = runner.invoke(main, ["demo", "--db", str(db)])
        assert result.exit_code == 0, result.output
    out = result.output
    assert "6 added" in out and "0 failed" in out
    assert "Quotes (speaker" in out and "Top entities" in out and "Amounts:" in out
    assert f"--db {db.resolve()} search" in out and " show " in out and " serve" in out
    store = open_store(db)
    stats = store.stats()
    assert (stats.articles, stats.versions) == (6, 6)
    assert SAMPLE_SOURCE in dict(stats.sources)
    assert store.get_article("01_hochwasser_kellbach") is not None
    store.close()


def test_demo_never_replaces_a_store_with_other_articles(tmp_path: Path) -> None:
    db = tmp_path / "real.db"
    article = tmp_path / "talheim.txt"
    article.write_text("Der Gemeinderat von Talheim hat am Dienstag den Haushalt beschlossen. " * 3, "utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "ingest", str(article), "--no-extract", "-q"]).exit_code == 0
    result = runner.invoke(main, ["demo", "--db", str(db)])
    assert result.exit_code == 1 and "will not replace it" in result.output
    store = open_store(db)
    assert store.get_article("talheim") is not None
    store.close()


def test_demo_ignores_wortlaut_db_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real.db"
    monkeypatch.setenv("WORTLAUT_DB", str(real))
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo.db").exists() and not real.exists()
