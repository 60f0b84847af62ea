"""The quotation metric: pairing, per-pair scores, unmatched quotes, the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wortlaut.eval.quotes import Item, Tally, figures, hungarian, main, pair, score_article


def item(type_: str, message: set[int], speaker: set[int] | None = None, cue: set[int] | None = None) -> Item:
    roles = {
        "speaker": frozenset(speaker or ()),
        "cue": frozenset(cue or ()),
        "addressee": frozenset(),
        "frame": frozenset(),
    }
    return Item(type=type_, message=frozenset(message), roles=roles)


def test_hungarian_maximises_the_total_not_greedily() -> None:
    # greedy would take (0, 0) = 0.9 and leave 0.1; the best total pairs crosswise (0.8 + 0.8)
    assert sorted(hungarian([[0.9, 0.8], [0.8, 0.1]])) == [(0, 1), (1, 0)]


def test_hungarian_handles_rectangular_matrices() -> None:
    assert sorted(hungarian([[0.1], [0.7], [0.3]])) == [(1, 0)]
    assert sorted(hungarian([[0.1, 0.7, 0.3]])) == [(0, 1)]


def test_same_type_breaks_a_tie() -> None:
    gold = [item("direct", {1, 2})]
    system = [item("indirect", {1, 2}), item("direct", {1, 2})]
    assert pair(system, gold) == [(1, 0)]


def test_quotes_without_overlap_are_not_paired() -> None:
    assert pair([item("direct", {1})], [item("direct", {2})]) == []


def test_perfect_system_scores_one() -> None:
    gold = [item("direct", {1, 2, 3}, speaker={5}, cue={4}), item("indirect", {8, 9}, speaker={7})]
    tally = Tally()
    score_article(
        tally, [item("direct", {1, 2, 3}, speaker={5}, cue={4}), item("indirect", {8, 9}, speaker={7})], gold
    )
    fig = figures(tally)
    assert fig["message"]["f1"] == 1.0
    assert fig["roles"]["f1"] == 1.0
    assert fig["joint"]["f1"] == 1.0
    assert fig["form_accuracy"] == 1.0
    assert fig["recall_by_type"] == {"direct": 1.0, "indirect": 1.0}


def test_unmatched_gold_costs_recall_and_unmatched_system_costs_precision() -> None:
    tally = Tally()
    gold = [item("direct", {1, 2}, speaker={5}), item("indirect", {8, 9})]
    system = [item("direct", {1, 2}, speaker={6}), item("reported", {20})]
    score_article(tally, system, gold)
    fig = figures(tally)
    assert fig["message"]["p"] == pytest.approx(0.5)
    assert fig["message"]["r"] == pytest.approx(0.5)
    assert fig["per_role"]["speaker"]["f1"] == 0.0
    assert fig["recall_by_type"]["indirect"] == 0.0
    assert fig["direct_speaker_accuracy"] == 0.0


def test_main_runs_the_pipeline_on_a_written_fixture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Der Minister sagte: „Wir werden die Steuern senken.“ Dann ging er."
    words = text.replace(":", " :").replace("„", "„ ").replace(".“", " . “").split()
    tokens, pos = [], 0
    for i, w in enumerate(words):
        start = text.index(w, pos)
        pos = start + len(w)
        tokens.append({"id": i, "text": w, "charBegin": start, "charEnd": pos})
    msg = [t["id"] for t in tokens if text.index("„") <= t["charBegin"] <= text.index("“")]
    empty = {"spans": [], "text": "", "tokenIds": []}
    record = {
        "documentName": "fixture",
        "originalText": text,
        "tokens": tokens,
        "annotations": [
            {
                "type": "Direct",
                "quote": {"tokenIds": msg},
                "speaker": {"tokenIds": [0, 1], "text": "Der Minister"},
                "cue": {"tokenIds": [2]},
                "addressee": empty,
                "frame": empty,
                "isNested": False,
            }
        ],
    }
    path = tmp_path / "mini.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    main(path, as_json=True)
    fig = json.loads(capsys.readouterr().out)
    assert fig["articles"] == 1
    assert fig["recall_by_type"]["direct"] == 1.0
    assert fig["message"]["f1"] > 0.9
    assert any("W103" in s and "mini.jsonl:2" in s for s in fig["skipped"])


def test_a_file_without_any_usable_article_is_an_error(tmp_path: Path) -> None:
    from wortlaut.errors import InputError

    path = tmp_path / "bad.jsonl"
    path.write_text('{"bad": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no article could be evaluated"):
        main(path)
