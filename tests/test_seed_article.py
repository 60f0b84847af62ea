"""The seed article is read with every field of its gold ``article`` block right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wortlaut.article import Article
from wortlaut.readers import ReadOptions, read


@pytest.fixture
def seed(seed_paths: tuple[Path, Path]) -> tuple[Article, dict, str]:
    txt, gold_path = seed_paths
    results = list(read(txt, ReadOptions()))
    assert len(results) == 1
    article = results[0]
    assert isinstance(article, Article), article
    gold = json.loads(gold_path.read_text("utf-8"))
    return article, gold, txt.read_text("utf-8")


GOLD_FIELDS = (
    "source_format",
    "date",
    "updated",
    "topline",
    "headline",
    "authors",
    "bureau",
    "lead",
    "section_titles",
    "boilerplate",
)


@pytest.mark.parametrize("field", GOLD_FIELDS)
def test_seed_metadata_field_matches_gold(seed: tuple[Article, dict, str], field: str) -> None:
    article, gold, _ = seed
    assert field in gold["article"], f"gold no longer has {field!r}: update GOLD_FIELDS"
    assert article.metadata()[field] == gold["article"][field]


def test_every_gold_article_field_is_checked(seed: tuple[Article, dict, str]) -> None:
    _, gold, _ = seed
    assert set(gold["article"]) <= set(GOLD_FIELDS)


def test_seed_id_text_and_offsets_are_the_unchanged_file(seed: tuple[Article, dict, str]) -> None:
    article, gold, raw = seed
    assert article.id == gold["id"] == "000_f9ffb56e64ea0352"
    assert article.text == raw == gold["text"]
    for z in article.zones:
        assert article.text[z.start : z.end] == article.text[z.start : z.end].strip()
        assert z.end > z.start


def test_seed_zones_cover_header_byline_and_every_paragraph(seed: tuple[Article, dict, str]) -> None:
    article, _, raw = seed
    kinds = [z.zone for z in article.zones]
    assert kinds[:3] == ["header", "lead", "byline"]
    header = article.zone_text("header")[0][2]
    assert header.startswith("date 2022-03") and header.endswith("03:36 Uhr")
    assert article.zone_text("byline")[0][2] == "Von Helga Schmidt, ARD-Studio Brüssel"
    paragraphs = [p.strip() for p in raw.split("\n\n") if p.strip()]
    assert len(article.zones) == len(paragraphs)
    assert kinds.count("body") == 8
    assert article.title == "NATO-Verteidigungsminister Aufrüstung statt Einmischung"
    assert article.language == "de"
