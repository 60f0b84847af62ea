"""GermEval TSV reading, BIO spans and the ``eval ner`` scoring rules on a hand-written file."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.errors import InputError
from wortlaut.eval import ner as ner_eval
from wortlaut.nlp.ner_data import bio_spans, main_label, read_germeval, spans_to_bio

TSV = """#\thttp://example.org/a\t[2022-03-16]
1\tNATO-Generalsekretär\tB-ORGpart\tO
2\tJens\tB-PER\tO
3\tStoltenberg\tI-PER\tO
4\treiste\tO\tO
5\tnach\tO\tO
6\tMoskau\tB-LOC\tO
7\t.\tO\tO

#\thttp://example.org/b\t[2022-03-17]
1\tDie\tO\tO
2\trussischen\tB-LOCderiv\tO
3\tTruppen\tO\tO
4\tstehen\tO\tO
5\tin\tO\tO
6\tRussland\tB-LOC\tO
7\t.\tO\tO
"""


def write(tmp_path: Path, text: str = TSV) -> Path:
    path = tmp_path / "mini.tsv"
    path.write_text(text, "utf-8")
    return path


def test_reads_sentences_with_outer_tags(tmp_path: Path) -> None:
    sents = read_germeval(write(tmp_path))
    assert len(sents) == 2
    assert sents[0].words[:3] == ["NATO-Generalsekretär", "Jens", "Stoltenberg"]
    assert bio_spans(sents[0].tags) == [(0, 1, "ORGpart"), (1, 3, "PER"), (5, 6, "LOC")]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "#\tx\n1\tonly-two-columns\n")
    with pytest.raises(InputError, match=r"mini.tsv:2"):
        read_germeval(path)


def test_label_mapping_and_bio_round_trip() -> None:
    assert main_label("OTH") == "MISC" and main_label("LOCderiv") is None and main_label("PER") == "PER"
    spans = [(0, 2, "PER"), (3, 4, "LOC")]
    assert bio_spans(spans_to_bio(5, spans)) == spans
    assert bio_spans(["I-PER", "I-PER", "O"]) == [(0, 2, "PER")]  # a stray I- starts a span


def test_scores_count_exact_spans_only() -> None:
    s = ner_eval.Scores()
    gold = {(0, 2, "PER"), (3, 4, "LOC")}
    s.add(gold, {(0, 2, "PER"), (3, 5, "LOC"), (6, 7, "ORG")}, ignore={(6, 7)})
    table = s.table(["PER", "LOC"])
    assert table["PER"]["f1"] == 1.0
    assert table["LOC"]["recall"] == 0.0 and table["LOC"]["precision"] == 0.0
    assert table["overall"]["precision"] == 0.5  # the ORG span sits on an ignored deriv/part span


def test_evaluation_reports_main_and_germeval_figures(tmp_path: Path) -> None:
    result = ner_eval.evaluate(write(tmp_path))
    main = result["main"]
    assert main["PER"]["support"] == 1 and main["LOC"]["support"] == 2
    assert main["overall"]["f1"] > 0.5
    official = result["germeval"]
    assert "LOCderiv" in official and "ORGpart" in official
    assert official["LOCderiv"]["recall"] == 1.0  # russischen → Russland, named in the same sentence
    assert result["speed"]["entities_component_words_per_s"] > 0
