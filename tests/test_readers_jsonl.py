"""JSON Lines and JSON documents: exact text, ids, and line-numbered failures."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.article import Article
from wortlaut.readers import ReadFailure, ReadOptions, read

TEXT = (
    "Die Ministerin kündigte am Montag ein neues Förderprogramm an.\r\n"
    "„Wir helfen den Betrieben“, sagte sie in Talheim.  Rund 300 Firmen sollen profitieren.\n"
)


def lines(tmp_path: Path, *rows: str, name: str = "a.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_text_is_kept_exactly_with_all_optional_fields(tmp_path: Path) -> None:
    record = {
        "id": "x1",
        "text": TEXT,
        "title": "Förderprogramm",
        "published": "2024-05-06T10:00:00+02:00",
        "url": "https://example.org/a",
        "source": "Beispielblatt",
        "authors": ["Eva Probe", "Tom Test"],
        "rubric": "Wirtschaft",
    }
    (article,) = list(read(lines(tmp_path, json.dumps(record, ensure_ascii=False))))
    assert isinstance(article, Article)
    assert article.text == TEXT and article.id == "x1"
    assert (article.title, article.published, article.url, article.source) == (
        "Förderprogramm",
        "2024-05-06T10:00:00+02:00",
        "https://example.org/a",
        "Beispielblatt",
    )
    assert article.authors == ["Eva Probe", "Tom Test"]
    assert article.meta == {"rubric": "Wirtschaft"}
    assert article.zones == []


def test_source_defaults_to_the_file_name_and_numeric_ids_become_strings(tmp_path: Path) -> None:
    (article,) = list(read(lines(tmp_path, json.dumps({"id": 7, "text": TEXT}), name="feed2024.jsonl")))
    assert isinstance(article, Article)
    assert (article.id, article.source) == ("7", "feed2024")


def test_malformed_lines_name_file_and_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = lines(
        tmp_path,
        json.dumps({"id": "a", "text": TEXT}),
        '{"id": "b", "text": ',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c"}),
        json.dumps({"text": TEXT}),
        json.dumps({"id": "d", "text": TEXT, "authors": 5}),
        json.dumps({"id": "e", "text": TEXT}),
    )
    results = list(read(path))
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "e"]
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.where.split(" ")[0] for f in failures] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7)]
    assert all(f.error.code == "W103" for f in failures)
    assert "not valid JSON" in str(failures[0].error)
    assert "no 'text'" in str(failures[2].error)
    assert "no 'id'" in str(failures[3].error)


def test_a_line_that_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": TEXT}).encode()
    bad = '{"id": "b", "text": "Größe"}'.encode("latin-1")
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    results = list(read(path))
    assert [type(r).__name__ for r in results] == ["Article", "ReadFailure", "Article"]
    assert results[1].error.code == "W102" and f"{path}:2" in str(results[1].error)


def test_empty_and_oversized_texts_fail_per_line(tmp_path: Path) -> None:
    path = lines(tmp_path, json.dumps({"id": "a", "text": "   "}), json.dumps({"id": "b", "text": TEXT * 10}))
    codes = [r.error.code for r in read(path, ReadOptions(max_chars=500)) if isinstance(r, ReadFailure)]
    assert codes == ["W104", "W105"]


def test_id_falls_back_to_the_url(tmp_path: Path) -> None:
    (article,) = list(
        read(lines(tmp_path, json.dumps({"url": "https://www.example.org/x?utm_source=a", "text": TEXT})))
    )
    assert isinstance(article, Article)
    (again,) = list(
        read(lines(tmp_path, json.dumps({"url": "http://example.org/x/", "text": TEXT}), name="b.jsonl"))
    )
    assert isinstance(again, Article)
    assert article.id.startswith("example.org-")
    assert again.id == article.id  # www., tracking parameters and http/https do not change the id


def test_a_file_that_is_not_json_lines_stops_with_one_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "pretty.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT}, indent=2) * 10, encoding="utf-8")
    results = list(read(path))
    assert len(results) <= 21
    assert "does not look like JSON Lines" in str(results[-1].error)  # type: ignore[union-attr]


def test_json_document_with_a_list_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "text": TEXT}, {"id": "b"}], indent=2), encoding="utf-8")
    results = list(read(path))
    assert isinstance(results[0], Article) and isinstance(results[1], ReadFailure)
    assert f"{path} [2]" in str(results[1].error)
