"""``wortlaut entity show/list`` and ``wortlaut eval ner`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wortlaut.article import Article, ZoneSpan
from wortlaut.cli import main
from wortlaut.extract import extract


def article(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, zones=[ZoneSpan(0, len(text), "body")], date="2022-03-16")


def fill(db: Path) -> None:
    from wortlaut.store import open_store

    arts = [
        article("a", "NATO-Generalsekretär Jens Stoltenberg reiste nach Moskau. Stoltenberg warnte."),
        article("b", "Man werde alles überdenken, so Stoltenberg in Brüssel."),
    ]
    store = open_store(db)
    try:
        store.ingest_batch([(a, extract(a)) for a in arts])
    finally:
        store.close()


def test_entity_show_explains_merges(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    fill(db)
    result = CliRunner().invoke(main, ["--db", str(db), "entity", "show", "Stoltenberg"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Jens Stoltenberg  [PER")
    assert "NATO-Generalsekretär" in result.output
    assert "surname of only one known person" in result.output
    assert "named in full in the same article" in result.output


def test_entity_show_json_and_unknown_name(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    fill(db)
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["--db", str(db), "entity", "show", "Moskau", "--json"]).output)
    assert data["label"] == "LOC" and data["geo"]["country"] == "RU"
    missing = runner.invoke(main, ["--db", str(db), "entity", "show", "Niemand"])
    assert missing.exit_code == 1 and "W202" in missing.output


def test_entity_list_by_label(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    fill(db)
    result = CliRunner().invoke(main, ["--db", str(db), "entity", "list", "--label", "LOC"])
    assert result.exit_code == 0
    names = [line.split("  ")[-1].strip() for line in result.output.splitlines()]
    assert "Moskau" in names and "Jens Stoltenberg" not in names


def test_eval_ner_cli(tmp_path: Path) -> None:
    tsv = tmp_path / "mini.tsv"
    tsv.write_text(
        "#\tx\n1\tJens\tB-PER\tO\n2\tStoltenberg\tI-PER\tO\n3\treiste\tO\tO\n4\tnach\tO\tO\n5\tMoskau\tB-LOC\tO\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "ner", str(tsv), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["main"]["overall"]["support"] == 2 and "germeval" in data
