"""Ingest into the real SQLite store: idempotency, versions, isolation of failures, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

from wortlaut.cli import main
from wortlaut.contract import validate
from wortlaut.ingest import IngestSummary, extract_safely, ingest
from wortlaut.nlp import extensions  # noqa: F401  (registers Doc._.wl_*)
from wortlaut.readers import ReadOptions
from wortlaut.readers.seed import SOURCE_FORMAT
from wortlaut.store import open_store

HEADER = "date 2024-05 Haushalt in Talheim Stadt will sparen Stand: {stand} Uhr\n\n"
BODY = (
    "Talheim legt einen Sparhaushalt vor. Schulen sollen trotzdem saniert werden.\n\n"
    "Von Erika Beispiel, Studio Talheim\n\n"
    "„Wir müssen sparen, aber wir investieren in Schulen“, sagte Bürgermeisterin Erika Beispiel. "
    "Rund 4,5 Millionen Euro sollen in drei Grundschulen fließen. Der Stadtrat stimmt im Mai ab.\n"
)


def seed_file(folder: Path, stand: str = "07.05.2024 09:30", extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "talheim_haushalt.txt"
    path.write_text(HEADER.format(stand=stand) + BODY + extra, encoding="utf-8")
    return path


def jsonl(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            text = f"Meldung {i}: Der Gemeinderat von Talheim hat am Dienstag über den Haushalt beraten. " * 2
            f.write(
                json.dumps({"id": f"m{i}", "text": text, "published": "2024-05-07"}, ensure_ascii=False)
                + "\n"
            )
    return path


def test_same_article_twice_is_stored_once_and_a_changed_stand_is_a_new_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    path = seed_file(tmp_path / "in")
    first = ingest([path], store, extract=False, progress=False)
    again = ingest([path, path], store, extract=False, progress=False)
    assert (first.added, first.unchanged) == (1, 0)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert store.stats().versions == 1

    seed_file(
        tmp_path / "in", stand="07.05.2024 11:45", extra="\nNachtrag: Der Kreistag muss noch zustimmen.\n"
    )
    changed = ingest([path], store, extract=False, progress=False)
    assert (changed.added, changed.updated) == (0, 1)
    stats = store.stats()
    assert (stats.articles, stats.versions) == (1, 2)
    stored = store.get_article("talheim_haushalt")
    assert stored is not None and stored.version == 2
    assert stored.article.updated == "2024-05-07T11:45:00+02:00"
    assert stored.article.source_format == SOURCE_FORMAT
    store.close()


def test_duplicates_inside_one_batch_are_stored_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    data = jsonl(tmp_path / "a.jsonl", 3)
    summary = ingest([data, data], store, extract=False, progress=False, batch_size=100)
    assert (summary.read, summary.added, summary.unchanged) == (6, 3, 3)
    assert store.stats().articles == 3
    store.close()


def test_extraction_runs_and_is_stored_with_the_article(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    summary = ingest([seed_file(tmp_path / "in")], store, extract=True, progress=False)
    assert summary.added == 1 and summary.ok
    stored = store.get_article("talheim_haushalt")
    assert stored is not None and stored.extraction is not None
    assert stored.extraction.article["authors"] == ["Erika Beispiel"]
    validate(stored.extraction.to_dict())
    store.close()


@Language.component("wortlaut_test_explodes")
def explodes(doc: Doc) -> Doc:
    if "EXPLODIERT" in doc.text:
        raise RuntimeError("component exploded")
    return doc


def exploding_pipeline() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("wortlaut_test_explodes")
    return nlp


def test_an_article_whose_extraction_raises_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [
        {"id": "a", "text": "Der Gemeinderat hat beraten. " * 4},
        {"id": "b", "text": "Der Gemeinderat EXPLODIERT heute. " * 4},
        {"id": "c", "text": "Der Kreistag hat ebenfalls beraten. " * 4},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    store = open_store(tmp_path / "x.db")
    summary = ingest([path], store, extract=True, progress=False, nlp=exploding_pipeline())
    assert (summary.read, summary.added, summary.failed) == (3, 2, 1)
    (problem,) = summary.problems
    assert problem.code == "W302" and "'b'" in problem.where and "exploded" in problem.message
    assert store.get_article("b") is None and store.get_article("c") is not None
    store.close()


def test_extract_safely_keeps_order(tmp_path: Path) -> None:
    from wortlaut.article import Article

    articles = [Article(id=str(i), text=("EXPLODIERT " if i == 1 else "") + "Text hier.") for i in range(3)]
    results = extract_safely(articles, exploding_pipeline())
    assert [a.id for a, _, _ in results] == ["0", "1", "2"]
    assert [err is None for _, _, err in results] == [True, False, True]


def test_known_versions_skip_extraction(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    data = jsonl(tmp_path / "a.jsonl", 2)
    ingest([data], store, extract=False, progress=False)
    # the exploding pipeline would fail every article it saw: none reaches it
    nlp = exploding_pipeline()
    data.write_text(data.read_text("utf-8").replace("Dienstag", "Dienstag EXPLODIERT", 0), encoding="utf-8")
    summary = ingest([data], store, extract=True, progress=False, nlp=nlp)
    assert (summary.unchanged, summary.failed) == (2, 0)
    store.close()


def test_summary_groups_reasons_by_code_and_location(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": \n{"id": "b"}\n{"id": "c", "text": "  "}\n', encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text(
        "The town council presented its budget on Tuesday, and the mayor said schools come first."
    )
    summary = ingest([bad, english, tmp_path / "missing.txt"], store, extract=False, progress=False)
    assert (summary.failed, summary.skipped) == (4, 1)
    groups = summary.reasons()
    assert set(groups) == {"W103", "W104", "W100"}
    assert [p.where for p in groups["W103"]] == [f"{bad}:1", f"{bad}:2"]
    assert list(summary.reasons(skipped=True)) == ["W106"]
    text = summary.render()
    assert "0 added" in text and "4 failed" in text and f"{bad}:2" in text and "skipped:" in text
    store.close()


def test_cli_ingest_prints_summary_and_exits_nonzero_on_failure(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    good = seed_file(tmp_path / "in")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "ingest", str(good), "--no-extract", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and str(db) in result.output
    result = runner.invoke(main, ["--db", str(db), "ingest", str(good), str(bad), "--no-extract", "-q"])
    assert result.exit_code == 1
    assert "1 unchanged" in result.output and f"{bad}:1" in result.output


def test_cli_max_chars_is_applied(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(tmp_path / "c.db"),
            "ingest",
            str(seed_file(tmp_path / "in")),
            "--no-extract",
            "--max-chars",
            "50",
        ],
    )
    assert result.exit_code == 1 and "W105" in result.output


def test_cli_extract_writes_contract_v1_lines_and_reports_failures(tmp_path: Path) -> None:
    data = jsonl(tmp_path / "a.jsonl", 2)
    with data.open("a", encoding="utf-8") as f:
        f.write("{broken\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(data), "-o", str(out), "-q"])
    assert result.exit_code == 1
    objects = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [o["id"] for o in objects] == ["m0", "m1"]
    for obj in objects:
        validate(obj)
    assert objects[0]["text"] == json.loads(data.read_text("utf-8").splitlines()[0])["text"]
    assert f"{data}:3" in result.output  # CliRunner mixes stderr into output


def test_cli_extract_to_stdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(jsonl(tmp_path / "a.jsonl", 1)), "-o", "-", "-q"])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert "1 written" in result.stderr
    assert json.loads(first)["id"] == "m0"


def test_extract_on_the_seed_validates_against_the_shared_schema(
    seed_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    import jsonschema

    from conftest import shared_path

    schema = json.loads(shared_path("schema", "extraction-v1.schema.json").read_text("utf-8"))
    txt, gold_path = seed_paths
    out = tmp_path / "seed.jsonl"
    result = CliRunner().invoke(main, ["extract", str(txt), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    jsonschema.Draft202012Validator(schema).validate(obj)
    gold = json.loads(gold_path.read_text("utf-8"))
    assert obj["text"] == gold["text"]
    for key, value in gold["article"].items():
        assert obj["article"][key] == value


def test_summary_to_dict_is_json(tmp_path: Path) -> None:
    summary = IngestSummary(read=1, added=1)
    assert json.loads(json.dumps(summary.to_dict()))["added"] == 1


@pytest.mark.parametrize("batch_size", [1, 2, 50])
def test_batch_size_does_not_change_the_result(tmp_path: Path, batch_size: int) -> None:
    store = open_store(tmp_path / "x.db")
    summary = ingest(
        [jsonl(tmp_path / "a.jsonl", 7)], store, extract=False, progress=False, batch_size=batch_size
    )
    assert summary.added == 7 and store.stats().articles == 7
    store.close()


def test_options_reach_the_readers(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    summary = ingest(
        [seed_file(tmp_path / "in")],
        store,
        extract=False,
        progress=False,
        options=ReadOptions(source="Talheimer Bote"),
    )
    assert summary.added == 1 and store.stats().sources == [("Talheimer Bote", 1)]
    store.close()


def test_extract_stored_fills_in_articles_ingested_without_extraction(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    path = seed_file(tmp_path / "in")
    ingest([path], store, extract=False, progress=False)
    plain = ingest([path], store, extract=True, progress=False)
    stored = store.get_article("talheim_haushalt")
    assert plain.unchanged == 1 and stored is not None and stored.extraction is None
    filled = ingest([path], store, extract=True, progress=False, extract_stored=True)
    stored = store.get_article("talheim_haushalt")
    assert (filled.unchanged, filled.added, filled.updated) == (1, 0, 0)
    assert stored is not None and stored.extraction is not None and stored.version == 1
    store.close()
